// A small deterministic YAML 1.2 emitter for the ledgers. `yaml`'s stringify is general and
// slow; ledgers are plain JSON-like data, and 100,000 records must serialize in well under a
// second. Strings are plain when unambiguous under the core schema, else double-quoted;
// anything that starts like a number (dates included) is quoted so YAML 1.1 readers such as
// PyYAML read it as text too.

const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
const RESERVED = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|<<|=)$/;
const NUMBERISH = /^[-+]?(?:\.?[0-9]|0[box])|^[-+]?\.(?:inf|nan)$/i;
// Non-printables and line breaks that YAML would fold or reject in plain and quoted scalars.
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;

function plainOk(s: string): boolean {
  if (s === '' || s.length > 200) return false;
  if (INDICATORS.has(s[0] as string)) return false;
  if (s[0] === ' ' || s[s.length - 1] === ' ') return false;
  if (RESERVED.test(s) || NUMBERISH.test(s)) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  return !NEEDS_ESCAPE.test(s);
}

export function quote(s: string): string {
  let out = JSON.stringify(s);
  if (/[\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/.test(out)) {
    out = out.replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
    // Lone surrogates cannot be written as UTF-8: escape them so the text survives.
    out = out.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16));
  }
  return out;
}

export function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return plainOk(v) ? v : quote(v);
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? '0' : String(v)) : v > 0 ? '.inf' : v < 0 ? '-.inf' : '.nan';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return quote(String(v));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function entries(o: Record<string, unknown>): [string, unknown][] {
  return Object.entries(o).filter(([, v]) => v !== undefined);
}

/** Appends the block for `value` at `indent`; `out` collects lines without trailing newlines. */
function emitBlock(value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) emitItem(item, indent, out);
  } else if (isObject(value)) {
    for (const [k, v] of entries(value)) emitPair(k, v, indent, out);
  }
}

function isEmptyCollection(v: unknown): string | null {
  if (Array.isArray(v) && v.length === 0) return '[]';
  if (isObject(v) && entries(v).length === 0) return '{}';
  return null;
}

function emitPair(key: string, v: unknown, indent: string, out: string[]): void {
  const k = scalar(key);
  const empty = isEmptyCollection(v);
  if (empty) out.push(`${indent}${k}: ${empty}`);
  else if (Array.isArray(v)) {
    out.push(`${indent}${k}:`);
    emitBlock(v, indent + '  ', out);
  } else if (isObject(v)) {
    out.push(`${indent}${k}:`);
    emitBlock(v, indent + '  ', out);
  } else out.push(`${indent}${k}: ${scalar(v)}`);
}

function emitItem(item: unknown, indent: string, out: string[]): void {
  const empty = isEmptyCollection(item);
  if (empty) {
    out.push(`${indent}- ${empty}`);
  } else if (isObject(item)) {
    // A map inside a sequence starts on the dash line: `- id: g1/v1`.
    const start = out.length;
    emitBlock(item, indent + '  ', out);
    out[start] = `${indent}- ${(out[start] as string).slice(indent.length + 2)}`;
  } else if (Array.isArray(item)) {
    const start = out.length;
    emitBlock(item, indent + '  ', out);
    out[start] = `${indent}- ${(out[start] as string).slice(indent.length + 2)}`;
  } else out.push(`${indent}- ${scalar(item)}`);
}

export function emitYaml(value: unknown): string {
  const empty = isEmptyCollection(value);
  if (empty) return empty + '\n';
  if (!Array.isArray(value) && !isObject(value)) return scalar(value) + '\n';
  const out: string[] = [];
  emitBlock(value, '', out);
  return out.join('\n') + '\n';
}
