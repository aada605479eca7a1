// Labels become codes and keys take the spec's order, so ledgers are canonical whatever
// language or key order a group wrote in.
import { toCode, VOCABULARIES } from './vocab.js';
import type { Spec } from './spec.js';

export function normalize(spec: Spec, value: unknown): unknown {
  switch (spec.t) {
    case 'code':
      return typeof value === 'string' ? (toCode(VOCABULARIES[spec.vocab], value) ?? value) : value;
    case 'const':
      return spec.canonical !== undefined && typeof value === 'string' && spec.values.includes(value) ? spec.canonical : value;
    case 'list':
      return Array.isArray(value) ? value.map((v) => normalize(spec.item, v)) : value;
    case 'object': {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, sub] of propsOf(spec.props)) {
        if (Object.hasOwn(value, key) && value[key] !== undefined && value[key] !== null) out[key] = normalize(sub, value[key]);
      }
      return out;
    }
    default:
      return value;
  }
}

// A spec's properties as a list, made once: 100,000 records walk the same few specs.
const propLists = new WeakMap<object, [string, Spec][]>();
function propsOf(props: Record<string, Spec>): [string, Spec][] {
  let list = propLists.get(props);
  if (!list) propLists.set(props, (list = Object.entries(props)));
  return list;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Calls `fn` for every value present in `value` that the spec describes, depth first. `path`
 * is one array updated in place: `fn` must copy it to keep it.
 */
export function forEachValue(
  spec: Spec,
  value: unknown,
  fn: (spec: Spec, value: unknown, path: readonly (string | number)[]) => void,
  path: (string | number)[] = [],
): void {
  if (value === undefined || value === null) return;
  fn(spec, value, path);
  if (spec.t === 'list' && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      forEachValue(spec.item, value[i], fn, path);
      path.pop();
    }
  } else if (spec.t === 'object' && isPlainObject(value)) {
    for (const [key, sub] of propsOf(spec.props)) {
      if (!Object.hasOwn(value, key)) continue;
      path.push(key);
      forEachValue(sub, value[key], fn, path);
      path.pop();
    }
  }
}
