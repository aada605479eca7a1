// ajv checks structure; this turns its errors into Diagnostics that speak the clerk's language
// and point at the offending key or value.
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import {
  diagnostic,
  pointerOf,
  pointerSteps,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticData,
  type Placer,
} from '../messages/diagnostic.js';
import type { TypeWord } from '../messages/diagnosticCodes.js';
import { campaignSchema, recordSchema, schemaHash } from './jsonSchema.js';
import { CAMPAIGN_SPEC, KIND_LABELS, RECORD_KINDS, RECORD_SPECS, type RecordKind, type Spec } from './spec.js';
import { nearest } from '../text/suggest.js';
import { show } from '../messages/words.js';
import { choicesOf, fieldName, specAt, type FieldName } from './fields.js';
import { createRequire } from 'node:module';

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

let validators: Map<string, ValidateFunction> | undefined;

/**
 * The ajv instance the schemas are compiled with (`source`: keep the code, for the build's standalone
 * file). ajv is loaded here, not at start-up (~25 ms): the built validators do not need it.
 */
export function ajvFor(options: { source?: boolean } = {}): Ajv2020 {
  const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
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
    return createRequire(import.meta.url)('../schema/validators.cjs') as Record<string, ValidateFunction> & { schemaHash?: string };
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

/** What kind of value YAML read, for messages. */
function typeWord(v: unknown): TypeWord {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'mapping';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'boolean') return 'boolean';
  // YAML's .nan and .inf are numbers to JavaScript, but no count or amount can be one.
  if (typeof v === 'number' && Number.isNaN(v)) return 'nan';
  if (typeof v === 'number' && !Number.isFinite(v)) return 'infinity';
  return Number.isInteger(v) ? 'integer' : 'fraction';
}

const TYPE_OF: Record<string, TypeWord> = {
  string: 'text',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  array: 'list',
  object: 'mapping',
};

/**
 * Validates `data` against the schema of `kind` ('campaign' or a record kind). Returns the
 * diagnostics and the JSON paths that had structural errors (later checks skip those).
 */
export function schemaCheck(
  kind: RecordKind | 'campaign',
  data: unknown,
  place: Placer,
  file: string,
  cell = false,
): { diagnostics: Diagnostic[]; bad: Set<string> } {
  const validate = compiled().get(kind) as ValidateFunction;
  const diagnostics: Diagnostic[] = [];
  const bad = new Set<string>();
  if (validate(data)) return { diagnostics, bad };
  const root = kind === 'campaign' ? CAMPAIGN_SPEC : RECORD_SPECS[kind];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const found = toDiagnostic(e, root, cell);
    if (!found) continue;
    const pos = place(found.target, found.where, found.pointer);
    const d = diagnostic(found.code, found.data as never, { file, ...pos, pointer: pointerOf(found.pointer) });
    const key = `${d.pointer}|${d.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    bad.add(d.pointer);
    diagnostics.push(d);
  }
  // A number or a list where a code belongs fails both the type and the code list: one mistake, one diagnostic.
  const coded = new Set(diagnostics.filter((d) => d.code === 'invalid-code').map((d) => d.pointer));
  return { diagnostics: diagnostics.filter((d) => !(TYPE_CODES.has(d.code) && coded.has(d.pointer))), bad };
}

const TYPE_CODES: ReadonlySet<DiagnosticCode> = new Set(['wrong-type', 'unquoted-number']);

interface Found<K extends DiagnosticCode = DiagnosticCode> {
  code: K;
  data: DiagnosticData[K];
  /** What the diagnostic is about (its pointer), and where in the text to point. */
  pointer: (string | number)[];
  target: (string | number)[];
  where: 'key' | 'value';
}

const found = <K extends DiagnosticCode>(
  code: K,
  data: DiagnosticData[K],
  path: (string | number)[],
  where: 'key' | 'value' = 'value',
  target = path,
): Found => ({ code, data, pointer: path, target, where }) as Found;

/**
 * One ajv error as a code and its data, in the words of the spec (field terms, code lists).
 * `cell`: the value was typed in a workbook cell, where yes/no is 是/否 rather than true/false.
 */
function toDiagnostic(e: ErrorObject, root: Spec, cell: boolean): Found | null {
  const path: (string | number)[] = pointerSteps(e.instancePath).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const field = fieldName(root, path);
  const spec = specAt(root, path);
  switch (e.keyword) {
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      return found('missing-field', { variant: 'field', field: fieldName(root, [...path, missing]) }, [...path, missing], 'value', path);
    }
    case 'additionalProperties': {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      if (UNSAFE_KEYS.has(extra)) return found('unsafe-key', { key: extra }, [...path, extra], 'key');
      const allowed = spec?.t === 'object' ? Object.keys(spec.props) : [];
      const suggest = nearest(extra, allowed);
      return found('unknown-field', { key: extra, ...(suggest === undefined ? {} : { suggest }) }, [...path, extra], 'key');
    }
    case 'enum':
    case 'const':
      return codeProblem(e.data, path, field, choicesOf(spec) ?? []);
    case 'type': {
      const expected = TYPE_OF[String((e.params as { type: string }).type)] ?? 'text';
      if (expected === 'text' && typeof e.data === 'number') {
        return found('unquoted-number', { field, personal: spec?.t === 'string' && spec.personal !== undefined }, path);
      }
      // Text where yes/no belongs is shown, so "是的" is seen next to the words to use; a fraction is shown too.
      const what = typeWord(e.data);
      const yesNo = expected === 'boolean' ? { ...(typeof e.data === 'string' ? { value: e.data } : {}), ...(cell ? { cell } : {}) } : {};
      return found(
        'wrong-type',
        { field, expected, found: what, ...(what === 'fraction' ? { value: e.data as number } : {}), ...yesNo },
        path,
      );
    }
    case 'pattern': {
      if (e.data === '') return found('empty-value', { field, ...(spec?.t === 'date' ? { date: true } : {}) }, path);
      if (spec?.t === 'date') return found('invalid-date', { value: String(e.data), variant: 'format' }, path);
      if (field.en === 'id') return found('invalid-value', { variant: 'id', value: String(e.data), group: path.length > 2 }, path);
      return found('invalid-value', { variant: 'pattern', field, value: String(e.data) }, path);
    }
    case 'minLength':
      return found('empty-value', { field }, path);
    case 'maxLength':
      return found('too-long', { field, length: Array.from(String(e.data)).length, limit: (e.params as { limit: number }).limit }, path);
    case 'minItems':
      return found('missing-field', { variant: 'no-items', field }, path);
    case 'minimum':
    case 'maximum':
      return found(
        'invalid-value',
        { variant: e.keyword === 'minimum' ? 'min' : 'max', field, limit: (e.params as { limit: number }).limit },
        path,
      );
    default:
      return found('invalid-value', { variant: 'other', field, detail: e.message ?? 'invalid' }, path);
  }
}

/** A value outside a code list (or `kind:`), with the nearest code or label. */
function codeProblem(value: unknown, path: (string | number)[], field: FieldName, options: FieldName[]): Found {
  if (path.length === 1 && path[0] === 'kind') return found('unknown-kind', unknownKind(value), path);
  if (value === '') return found('empty-value', { field, ...(options.length <= 12 ? { choices: options } : {}) }, path);
  if (typeof value !== 'string') return found('invalid-code', { field, found: typeWord(value) }, path);
  const suggest = nearestChoice(value, options);
  return found(
    'invalid-code',
    { field, value, ...(suggest ? { suggest } : {}), ...(options.length <= 12 ? { choices: options } : {}) },
    path,
  );
}

/** The code (with its label) nearest to a value written as a code or as a label. */
export function nearestChoice(value: string, options: readonly FieldName[]): FieldName | undefined {
  const hit = nearest(value, [...options.map((o) => o.en), ...options.map((o) => o.zh)]);
  return hit === undefined ? undefined : options.find((o) => o.en === hit || o.zh === hit);
}

/** `kind:` that names no record kind, with the nearest kind. */
export function unknownKind(value: unknown): DiagnosticData['unknown-kind'] {
  const kinds = RECORD_KINDS.map((k) => ({ en: k, zh: KIND_LABELS[k].zh }));
  const suggest = typeof value === 'string' ? nearestChoice(value, kinds) : undefined;
  return { value: show(value), kinds, ...(suggest ? { suggest } : {}) };
}
