// A small deterministic YAML 1.2 emitter for the ledgers. `yaml`'s stringify is general and
// slow; ledgers are plain JSON-like data, and 100,000 records must serialize in well under a
// second. Strings are plain when unambiguous under the core schema, else double-quoted;
// anything that starts like a number (dates included) is quoted so YAML 1.1 readers such as
// PyYAML read it as text too.

import { isPlainScalar } from './plainScalar.js';

/** Plain when the rule allows it; long strings are quoted all the same. */
function plainOk(s: string): boolean {
  return s.length <= 200 && isPlainScalar(s);
}

export function quote(s: string): string {
  let out = JSON.stringify(s);
  if (/[\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/.test(out)) {
    out = out.replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
    // Lone surrogates cannot be written as UTF-8: escape them so the text survives.
    out = out.replace(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      (c) => '\\u' + c.charCodeAt(0).toString(16),
    );
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

// Ledgers repeat the same few keys 100,000 times: each is checked for quoting once.
const keyText = new Map<string, string>();
function keyScalar(k: string): string {
  let t = keyText.get(k);
  if (t === undefined) {
    t = scalar(k);
    if (keyText.size < 10_000) keyText.set(k, t);
  }
  return t;
}

function definedKeys(o: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k) && o[k] !== undefined) keys.push(k);
  return keys;
}

/** `[]` or `{}` for an empty collection, else null. */
function emptyText(v: unknown, keys?: string[]): string | null {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : null;
  if (isObject(v)) return (keys ?? definedKeys(v)).length === 0 ? '{}' : null;
  return null;
}

/**
 * Appends the block for `value` at `indent`; `out` collects lines without trailing newlines.
 * `first` replaces the indent of the first line (a map or list inside a list starts on the dash line).
 */
function emitBlock(value: unknown, indent: string, out: string[], first: string = indent): void {
  let lead = first;
  if (Array.isArray(value)) {
    for (const item of value) {
      emitItem(item, lead, indent, out);
      lead = indent;
    }
  } else if (isObject(value)) {
    for (const k of definedKeys(value)) {
      emitPair(k, value[k], lead, indent, out);
      lead = indent;
    }
  }
}

function emitPair(key: string, v: unknown, lead: string, indent: string, out: string[]): void {
  const k = keyScalar(key);
  if (Array.isArray(v) || isObject(v)) {
    const keys = Array.isArray(v) ? undefined : definedKeys(v);
    const empty = emptyText(v, keys);
    if (empty) out.push(`${lead}${k}: ${empty}`);
    else {
      out.push(`${lead}${k}:`);
      emitBlock(v, indent + '  ', out);
    }
  } else out.push(`${lead}${k}: ${scalar(v)}`);
}

function emitItem(item: unknown, lead: string, indent: string, out: string[]): void {
  const empty = emptyText(item);
  if (empty) out.push(`${lead}- ${empty}`);
  else if (isObject(item) || Array.isArray(item)) emitBlock(item, indent + '  ', out, `${lead}- `);
  else out.push(`${lead}- ${scalar(item)}`);
}

export function emitYaml(value: unknown): string {
  const empty = emptyText(value);
  if (empty) return empty + '\n';
  if (!Array.isArray(value) && !isObject(value)) return scalar(value) + '\n';
  const out: string[] = [];
  emitBlock(value, '', out);
  return out.join('\n') + '\n';
}
