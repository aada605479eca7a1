// A file's YAML documents with what every check needs: data, where each starts, and a locator
// for paths. One entry point for record files and ledger.yaml alike. Input-method slips are
// repaired first (each an error at its own place), and a text nesting too deeply is refused
// before any parser recurses into it.
import { diagnostic, type Diagnostic, type Place } from '../messages/diagnostic.js';
import { LineIndex } from '../util/position.js';
import { MAX_DEPTH, tooDeepAt } from './depth.js';
import { fastParse, locateSpot } from './fastYaml.js';
import { repairInputMethod, type KeyRoles, type Repair, type Slip } from './inputMethod.js';
import { locator, type Locator } from './locate.js';
import { parseYaml } from './parseYaml.js';

/** A document: its data (undefined when untrustworthy), where it starts, and how to find paths in it. */
export interface YamlDoc {
  data: unknown;
  /** Errors of this document (syntax errors, or repaired input-method slips), and the slips' warnings. */
  errors: Diagnostic[];
  line: number;
  column: number;
  locate: Locator;
  /** For a document that could not be read: its kind and id, when they were legible. */
  salvaged?: { kind?: unknown; id?: unknown };
}

export interface ReadOptions {
  /** What each key's values are (codes and names, free text, lists): the slips around a value depend on it. */
  roles?: Partial<KeyRoles>;
}

export function readDocs(
  raw: string,
  file: string,
  options: ReadOptions = {},
): { lines: LineIndex; docs: YamlDoc[]; diagnostics: Diagnostic[] } {
  // A lone CR is a line break in YAML (old Mac files): made LF, same length, so positions hold.
  const text = raw.includes('\r') ? raw.replace(/\r(?!\n)/g, '\n') : raw;
  const lines = new LineIndex(text);
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    const d = diagnostic('yaml-too-deep', { limit: MAX_DEPTH }, { file, ...lines.position(deep) });
    return { lines, diagnostics: [d], docs: [{ data: undefined, errors: [d], ...lines.position(0), locate: () => 0 }] };
  }
  const repair = repairInputMethod(text, options.roles);
  const slips = repair.slips.map((s) => slipDiagnostic(s, { file, ...lines.position(s.at) }));
  const read = parse(repair, file, lines);
  // Each slip belongs to the document it is in: the last one starting at or before it.
  for (const d of slips) {
    const doc = [...read.docs].reverse().find((x) => x.line <= d.line) ?? read.docs[0];
    doc?.errors.push(d);
  }
  return { lines, docs: read.docs, diagnostics: [...slips, ...read.diagnostics] };
}

function slipDiagnostic(s: Slip, at: Place): Diagnostic {
  switch (s.code) {
    case 'fullwidth-colon':
      return diagnostic(s.code, { key: s.key ?? '' }, at);
    case 'fullwidth-bracket':
      return diagnostic(s.code, { char: s.char, ascii: s.ascii ?? '' }, at);
    case 'ideographic-space':
      return diagnostic(s.code, s.where ? { where: s.where } : {}, at);
    default:
      return diagnostic(s.code, { char: s.char }, at);
  }
}

/**
 * The documents: from the fast reader when the text is plain record YAML (most files), else
 * from the `yaml` library. Both give the same data and positions; positions in a repaired text
 * are mapped back to the text as written.
 */
function parse(repair: Repair, file: string, lines: LineIndex): { docs: YamlDoc[]; diagnostics: Diagnostic[] } {
  const back = repair.original;
  const fast = fastParse(repair.text);
  if (fast) {
    return {
      diagnostics: [],
      docs: fast.map((d) => ({
        data: d.data,
        errors: [],
        ...lines.position(back(d.spot.at)),
        locate: (path, want) => back(locateSpot(d.spot, path, want)),
      })),
    };
  }
  const parsed = parseYaml(repair.text, file);
  const shifted = repair.slips.length > 0;
  const fix = (d: Diagnostic): Diagnostic => (shifted ? { ...d, ...lines.position(back(parsed.lines.offsetOf(d.line, d.column))) } : d);
  const docs = parsed.docs.map((d) => {
    const doc: YamlDoc = {
      data: d.data,
      errors: d.errors.map(fix),
      ...(shifted ? lines.position(back(parsed.lines.offsetOf(d.line, d.column))) : { line: d.line, column: d.column }),
      locate: shifted ? (path, want) => back(locator(d.doc)(path, want)) : locator(d.doc),
    };
    if (d.salvaged) doc.salvaged = d.salvaged;
    return doc;
  });
  return { docs, diagnostics: parsed.diagnostics.map(fix) };
}
