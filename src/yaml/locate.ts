// Finds where a JSON path lives in a YAML document, so a diagnostic points at the offending
// key or value rather than at the record.
import type { Document, Node } from 'yaml';
import { yamlLib } from './yamlLib.js';

/** Where a path's key or value sits in a document, as a text offset (the nearest existing ancestor if it is not there). */
export type Locator = (path: readonly (string | number)[], want?: 'key' | 'value') => number;

/** The locator of a document the `yaml` library composed. */
export function locator(doc: Document): Locator {
  return (path, want) => locate(doc, path, want);
}

/** Offset of the key (`key`) or value (`value`) at `path`; the nearest existing ancestor otherwise. */
export function locate(doc: Document, path: readonly (string | number)[], want: 'key' | 'value' = 'value'): number {
  const { isMap, isScalar, isSeq, isPair } = yamlLib();
  let node = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return offset;
      const key = pair.key as Node;
      if (last && want === 'key') return key.range?.[0] ?? offset;
      const value = pair.value as Node | null;
      node = value;
      offset = value?.range?.[0] ?? key.range?.[0] ?? offset;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!item) return offset;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}
