// JSON Schema (draft 2020-12) from the specs: what ajv validates with and what editors read.
import { VOCABULARIES } from './vocab.js';
import { CAMPAIGN_SPEC, KIND_LABELS, RECORD_KINDS, RECORD_SPECS, type RecordKind, type Spec } from './spec.js';
import { sha256 } from '../util/hash.js';

export const SCHEMA_BASE_URL = 'https://ledger.local/schemas/';
export const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

export type JsonSchema = Record<string, unknown>;

/** minimum and maximum, each only when the spec sets it. */
function bounds(spec: { min?: number; max?: number }): JsonSchema {
  return { ...(spec.min === undefined ? {} : { minimum: spec.min }), ...(spec.max === undefined ? {} : { maximum: spec.max }) };
}

/** A coded field takes the code or its Chinese label; editors show what each one means. */
function codeSchema(spec: Extract<Spec, { t: 'code' }>): JsonSchema {
  const vocab = VOCABULARIES[spec.vocab];
  // Labels with "quotes" are also accepted with the “curly” ones Chinese input methods type.
  const curly = vocab.filter((x) => x.zh.includes('"'));
  return {
    type: 'string',
    description: spec.d,
    enum: [...vocab.map((x) => x.code), ...vocab.map((x) => x.zh), ...curly.map((x) => x.zh.replace(/"([^"]*)"/g, '“$1”'))],
    enumDescriptions: [
      ...vocab.map((x) => `${x.zh} ${x.en}`),
      ...vocab.map((x) => `= ${x.code} (${x.en})`),
      ...curly.map((x) => `= ${x.code} (${x.en})`),
    ],
  };
}

function objectSchema(spec: Extract<Spec, { t: 'object' }>): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, value] of Object.entries(spec.props)) properties[key] = toJsonSchema(value);
  return {
    type: 'object',
    description: spec.d,
    properties,
    ...(spec.required.length ? { required: [...spec.required] } : {}),
    additionalProperties: false,
  };
}

export function toJsonSchema(spec: Spec): JsonSchema {
  switch (spec.t) {
    case 'string': {
      // An empty "" is a field left unfilled (skeletons from `ledger new` start that way).
      const s: JsonSchema = { type: 'string', description: spec.d, minLength: 1 };
      if (spec.pattern) s.pattern = spec.pattern;
      if (spec.maxLength) s.maxLength = spec.maxLength;
      return s;
    }
    case 'date':
      return { type: 'string', description: spec.d, pattern: DATE_PATTERN, format: 'date' };
    case 'int':
      return { type: 'integer', description: spec.d, ...bounds(spec) };
    case 'number':
      return { type: 'number', description: spec.d, ...bounds(spec) };
    case 'bool':
      return { type: 'boolean', description: spec.d };
    case 'const':
      return { type: 'string', description: spec.d, enum: [...spec.values] };
    case 'code':
      return codeSchema(spec);
    case 'list':
      return {
        type: 'array',
        description: spec.d,
        items: toJsonSchema(spec.item),
        ...(spec.minItems === undefined ? {} : { minItems: spec.minItems }),
      };
    case 'object':
      return objectSchema(spec);
  }
}

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

export function recordSchema(kind: RecordKind): JsonSchema {
  return {
    $schema: DRAFT,
    $id: `${SCHEMA_BASE_URL}${kind}.schema.json`,
    title: `${kind} — ${KIND_LABELS[kind].en} (${KIND_LABELS[kind].zh})`,
    ...toJsonSchema(RECORD_SPECS[kind]),
  };
}

export function campaignSchema(): JsonSchema {
  return {
    $schema: DRAFT,
    $id: `${SCHEMA_BASE_URL}campaign.schema.json`,
    title: 'ledger.yaml — the campaign (活动方案)',
    ...toJsonSchema(CAMPAIGN_SPEC),
  };
}

/**
 * One schema for any record document, chosen by `kind`, for editors binding groups/**.yaml.
 * Self-contained (the kinds are inlined under $defs): editors work offline and never try to
 * fetch the $id of a sibling file.
 */
export function anyRecordSchema(): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  for (const kind of RECORD_KINDS)
    defs[kind] = { title: `${kind} — ${KIND_LABELS[kind].en} (${KIND_LABELS[kind].zh})`, ...toJsonSchema(RECORD_SPECS[kind]) };
  return {
    $schema: DRAFT,
    $id: `${SCHEMA_BASE_URL}record.schema.json`,
    title: 'A campaign record: visit, opinion, info, appeal, stability or hardship (台账记录)',
    type: 'object',
    required: ['kind'],
    properties: {
      kind: {
        description: 'Record kind (记录类型).',
        enum: [...RECORD_KINDS, ...RECORD_KINDS.map((k) => KIND_LABELS[k].zh)],
      },
    },
    allOf: RECORD_KINDS.map((kind) => ({
      if: { properties: { kind: { enum: [kind, KIND_LABELS[kind].zh] } }, required: ['kind'] },
      then: { $ref: `#/$defs/${kind}` },
    })),
    $defs: defs,
  };
}

/** JSON text of a schema file exactly as `ledger schema` writes it and schemas/ holds it. */
export function schemaText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Every schema file `ledger schema` writes and `schemas/` holds, by file name. */
let hash: string | undefined;

/** The hash the CLI's bundle was built with (scripts/bundle.mjs defines it): its schemas cannot differ. */
declare const LEDGER_BUILT_SCHEMA_HASH: string | undefined;

/**
 * One hash of every schema: whatever was built or cached from the schemas is stale when it
 * changes. The bundle knows it from its build (making every schema to hash them cost ~10 ms of
 * each start-up); from the sources or the library it is computed.
 */
export function schemaHash(): string {
  if (typeof LEDGER_BUILT_SCHEMA_HASH === 'string') return LEDGER_BUILT_SCHEMA_HASH;
  return (hash ??= sha256(JSON.stringify(allSchemas())));
}

export function allSchemas(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = { 'campaign.schema.json': campaignSchema() };
  for (const kind of RECORD_KINDS) out[`${kind}.schema.json`] = recordSchema(kind);
  out['record.schema.json'] = anyRecordSchema();
  return out;
}
