// A file's YAML documents with what every check needs: data, where each starts, and a locator
// for paths. One entry point for record files and ledger.yaml alike.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../util/position.js';
import { fastParse, locateSpot } from './fastYaml.js';
import { locator, type Locator } from './locate.js';
import { parseYaml } from './parseYaml.js';

/** A document: its data (undefined when untrustworthy), where it starts, and how to find paths in it. */
export interface YamlDoc {
  data: unknown;
  errors: Diagnostic[];
  line: number;
  column: number;
  locate: Locator;
}

/**
 * The file's documents: from the fast reader when the text is plain record YAML (most files),
 * else from the `yaml` library, with its diagnostics. Both give the same data and positions.
 */
export function readDocs(text: string, file: string): { lines: LineIndex; docs: YamlDoc[]; diagnostics: Diagnostic[] } {
  const fast = fastParse(text);
  if (!fast) {
    const parsed = parseYaml(text, file);
    return {
      lines: parsed.lines,
      diagnostics: parsed.diagnostics,
      docs: parsed.docs.map((d) => ({ data: d.data, errors: d.errors, line: d.line, column: d.column, locate: locator(d.doc) })),
    };
  }
  const lines = new LineIndex(text);
  return {
    lines,
    diagnostics: [],
    docs: fast.map((d) => ({
      data: d.data,
      errors: [],
      ...lines.position(d.spot.at),
      locate: (path, want) => locateSpot(d.spot, path, want),
    })),
  };
}
