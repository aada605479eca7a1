// ajv checks structure; this turns its errors into Diagnostics that speak the clerk's language
// and point at the offending key or value.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { pointerOf } from '../diagnostics/diagnostic.js';
import type { Locator } from '../yaml/locate.js';
import type { LineIndex } from '../util/position.js';
import { campaignSchema, recordSchema, schemaHash, type JsonSchema } from './jsonSchema.js';
import { RECORD_KINDS, type RecordKind } from './spec.js';
import { didYouMean } from '../text/suggest.js';
import { createRequire } from 'node:module';

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

let validators: Map<string, ValidateFunction> | undefined;

/** The ajv instance the schemas are compiled with (`source`: keep the code, for the build's standalone file). */
export function ajvFor(options: { source?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    validateFormats: false,
    strict: true,
    ...(options.source ? { code: { source: true, esm: false } } : {}),
  });
  ajv.addKeyword({ keyword: 'enumDescriptions', schemaType: 'array' });
  return ajv;
}

/** Adds every schema to `ajv`; returns kind → schema id. */
export function validatorIds(ajv: Ajv2020): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const [kind, schema] of [...RECORD_KINDS.map((k) => [k, recordSchema(k)] as const), ['campaign', campaignSchema()] as const]) {
    const id = String(schema.$id);
    ajv.addSchema(schema, id);
    ids[kind] = id;
  }
  return ids;
}

/** The build's standalone validators module, or undefined when running from the sources. */
function builtValidators(): (Record<string, ValidateFunction> & { schemaHash?: string }) | undefined {
  try {
    return createRequire(import.meta.url)('./validators.cjs') as Record<string, ValidateFunction> & { schemaHash?: string };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw e;
  }
}

/** The validators built with the package (dist/schema/validators.cjs) when they match these schemas, else compiled now. */
function compiled(): Map<string, ValidateFunction> {
  if (validators) return validators;
  validators = new Map();
  const mod = builtValidators();
  if (mod?.schemaHash === schemaHash()) {
    for (const kind of [...RECORD_KINDS, 'campaign']) validators.set(kind, mod[kind] as ValidateFunction);
    return validators;
  }
  const ajv = ajvFor();
  const ids = validatorIds(ajv);
  for (const [kind, id] of Object.entries(ids)) validators.set(kind, ajv.getSchema(id) as ValidateFunction);
  return validators;
}

/** The zh-CN term in a description "… (地点)." for messages. */
function term(schema: unknown): string {
  const d = (schema as JsonSchema | undefined)?.description;
  const m = typeof d === 'string' ? /\(([^()]*)\)\.?$/.exec(d) : null;
  return m ? ` (${m[1]})` : '';
}

/** Values in messages are cut short: a 10 MB string must not become a 10 MB message. */
export function show(value: unknown): string {
  const s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const chars = Array.from(s);
  return chars.length > 40 ? chars.slice(0, 40).join('') + '…' : s;
}

function describeType(v: unknown): string {
  if (v === null) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'boolean') return 'true/false';
  return 'a number';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
};

function splitPath(instancePath: string): string[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function isPersonal(schema: unknown): boolean {
  const d = (schema as JsonSchema | undefined)?.description;
  return typeof d === 'string' && d.includes('Personal data');
}

/**
 * Validates `data` against the schema of `kind` ('campaign' or a record kind). Returns the
 * diagnostics and the JSON paths that had structural errors (later checks skip those).
 */
export function schemaCheck(
  kind: RecordKind | 'campaign',
  data: unknown,
  locate: Locator,
  lines: LineIndex,
  file: string,
): { diagnostics: Diagnostic[]; bad: Set<string> } {
  const validate = compiled().get(kind) as ValidateFunction;
  const diagnostics: Diagnostic[] = [];
  const bad = new Set<string>();
  if (validate(data)) return { diagnostics, bad };
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const d = toDiagnostic(e, locate, lines, file);
    if (!d) continue;
    const key = `${d.pointer}|${d.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    bad.add(d.pointer);
    diagnostics.push(d);
  }
  return { diagnostics, bad };
}

function toDiagnostic(e: ErrorObject, locate: Locator, lines: LineIndex, file: string): Diagnostic | null {
  const path: (string | number)[] = splitPath(e.instancePath);
  const schema = e.parentSchema as JsonSchema | undefined;
  const fieldName = String(path[path.length - 1] ?? 'record');
  let code: string;
  let message: string;
  let where: 'key' | 'value' = 'value';
  let target = path;
  switch (e.keyword) {
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      const props = (schema?.properties ?? {}) as Record<string, unknown>;
      code = 'missing-field';
      message = `missing field "${missing}"${term(props[missing])}`;
      target = path;
      return at(code, message, [...path, missing], locate(target));
    }
    case 'additionalProperties': {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      target = [...path, extra];
      where = 'key';
      if (UNSAFE_KEYS.has(extra)) {
        code = 'unsafe-key';
        message = `key "${extra}" is not allowed`;
      } else {
        const allowed = Object.keys((schema?.properties ?? {}) as object);
        code = 'unknown-field';
        message = `unknown field "${show(extra)}"${didYouMean(extra, allowed)}`;
      }
      break;
    }
    case 'enum':
    case 'const': {
      const allowed = ((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).map(String);
      const value = e.data;
      code = path[0] === 'kind' && path.length === 1 ? 'unknown-kind' : 'invalid-code';
      const codes = allowed.filter((a) => /^[a-z0-9-]+$/i.test(a));
      if (value === '') {
        code = 'empty-value';
        message = `${fieldLabel(path)}${term(schema)} is empty: fill it in${codes.length <= 12 ? ` (one of: ${codes.join(', ')})` : ''}`;
      } else if (typeof value !== 'string') {
        message = `expected one of the codes${term(schema)}, found ${describeType(value)}`;
      } else {
        message = `"${show(value)}" is not a valid ${fieldLabel(path)}${term(schema)}${didYouMean(value, allowed)}`;
        if (!didYouMean(value, allowed) && codes.length <= 12) message += `; use one of: ${codes.join(', ')}`;
      }
      break;
    }
    case 'type': {
      const expected = String((e.params as { type: string }).type);
      if (expected === 'string' && typeof e.data === 'number') {
        code = 'unquoted-number';
        message = isPersonal(schema)
          ? `${fieldName} must be text: quote this value ("…"), or digits may be lost`
          : `${fieldName} must be text: quote this value`;
      } else if (expected === 'string' && typeof e.data === 'boolean') {
        code = 'wrong-type';
        message = `${fieldName} must be text: quote this value (YAML read it as true/false)`;
      } else {
        code = 'wrong-type';
        message = `${fieldName}${term(schema)} must be ${TYPE_WORDS[expected] ?? expected}, found ${describeType(e.data)}`;
      }
      break;
    }
    case 'pattern': {
      if (e.data === '') {
        code = 'empty-value';
        message = `${fieldName}${term(schema)} is empty: fill it in${schema?.format === 'date' ? ' (YYYY-MM-DD)' : ''}`;
      } else if (schema?.format === 'date') {
        code = 'invalid-date';
        message = `"${show(e.data)}" is not a date: write YYYY-MM-DD, e.g. 2014-04-25`;
      } else if (fieldName === 'id') {
        code = 'invalid-value';
        message = `id "${show(e.data)}" may only use letters, digits and - _ .${path.length > 2 ? ' (group ids: lower-case letters, digits and -)' : ''}`;
      } else {
        code = 'invalid-value';
        message = `"${show(e.data)}" is not a valid ${fieldName}`;
      }
      break;
    }
    case 'minLength':
      code = 'empty-value';
      message = `${fieldName}${term(schema)} is empty: fill it in`;
      break;
    case 'maxLength': {
      code = 'too-long';
      const limit = (e.params as { limit: number }).limit;
      message = `${fieldName} is ${Array.from(String(e.data)).length} characters, more than the limit of ${limit}`;
      break;
    }
    case 'minItems':
      code = 'missing-field';
      message = `${fieldName}${term(schema)} needs at least one entry`;
      break;
    case 'minimum':
    case 'maximum':
      code = 'invalid-value';
      message = `${fieldName} must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${(e.params as { limit: number }).limit}`;
      break;
    default:
      code = 'invalid-value';
      message = `${fieldName}: ${e.message ?? 'invalid'}`;
  }
  return at(code, message, target, locate(target, where));

  function at(c: string, m: string, p: (string | number)[], offset: number): Diagnostic {
    const pos = lines.position(offset);
    return { severity: 'error', code: c, message: m, file, line: pos.line, column: pos.column, pointer: pointerOf(p) };
  }
}

function fieldLabel(path: (string | number)[]): string {
  const named = [...path].reverse().find((p) => typeof p === 'string' && !/^\d+$/.test(p));
  return named === undefined ? 'value' : String(named);
}
