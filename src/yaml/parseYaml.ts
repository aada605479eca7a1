// Bytes → text → YAML documents with positions. Everything that can go wrong here becomes a
// Diagnostic; a document that cannot be trusted is returned with `data` undefined.
import type { Document, Node } from 'yaml';
import { diagnostic, type Diagnostic, type Place } from '../messages/diagnostic.js';
import { LineIndex } from '../util/position.js';
import { yamlLib } from './yamlLib.js';

export interface ParsedDoc {
  /** 0-based index of the document in its file. */
  index: number;
  doc: Document.Parsed;
  /** The plain data, or undefined when the document had errors that make it untrustworthy. */
  data: unknown;
  /** Diagnostics raised while parsing this document. */
  errors: Diagnostic[];
  line: number;
  column: number;
  /** For a document with errors: its kind and id when they could still be read. */
  salvaged?: { kind?: unknown; id?: unknown };
}

export interface ParsedText {
  text: string;
  lines: LineIndex;
  docs: ParsedDoc[];
  diagnostics: Diagnostic[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** UTF-8 text without BOM, or a diagnostic saying why the bytes are not UTF-8. */
export function decodeText(bytes: Uint8Array, file: string): { text: string } | { diagnostic: Diagnostic } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { diagnostic: diagnostic('not-utf8', { encoding: 'utf16' }, { file, line: 1, column: 1 }) };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const pos = new LineIndex(before).position(before.length);
    let gbk = false;
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      gbk = true;
    } catch {
      /* not GBK either: say nothing about where it came from */
    }
    return { diagnostic: diagnostic('not-utf8', { encoding: 'invalid', offset: bad, gbk }, { file, ...pos }) };
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

/** The library's error as one of our diagnostics. */
function yamlError(e: { code: string; message: string }, at: Place): Diagnostic {
  if (e.code === 'TAB_AS_INDENT') return diagnostic('yaml-tab', {}, at);
  if (e.code === 'DUPLICATE_KEY') return diagnostic('yaml-duplicate-key', {}, at);
  const first = e.message.split('\n')[0] ?? e.message;
  return diagnostic('yaml-syntax', { detail: first.replace(/ at line \d+, column \d+:?$/, ''), yamlCode: e.code }, at);
}

type Where = (offset: number) => Place;

/** The file being parsed, as every document of it needs it. */
interface Source {
  text: string;
  lines: LineIndex;
  where: Where;
  /** Most files have no `!` at all: no need to walk their documents looking for tags. */
  maybeTagged: boolean;
}

/** Explicit tags (`!!str`, `!foo`), each pointed at where its tag is written. */
function tagErrors(doc: Document.Parsed, text: string, where: Where): Diagnostic[] {
  const { visit, isMap, isSeq, isScalar } = yamlLib();
  const errors: Diagnostic[] = [];
  visit(doc, (_key, node) => {
    if ((isScalar(node) || isMap(node) || isSeq(node)) && node.tag && node.range) {
      // The node's range starts after its tag; point at the tag itself when it is on the same line.
      let tagAt = node.range[0];
      const bang = text.lastIndexOf('!', node.range[0]);
      if (bang >= 0 && !text.slice(bang, node.range[0]).includes('\n')) {
        tagAt = bang;
        while (tagAt > 0 && !/\s/.test(text[tagAt - 1] as string)) tagAt--;
      }
      errors.push(diagnostic('yaml-tag', { tag: node.tag.replace('tag:yaml.org,2002:', '!!') }, where(tagAt)));
    }
  });
  return errors;
}

/** The document as plain data; none when an alias (or anything else) keeps it from being read. */
function plainData(doc: Document.Parsed, where: Where, start: number): { data: unknown } | { errors: Diagnostic[] } {
  try {
    return { data: doc.toJS({ maxAliasCount: 0 }) };
  } catch {
    const errors: Diagnostic[] = [];
    yamlLib().visit(doc, {
      Alias(_key, node) {
        errors.push(diagnostic('yaml-alias', { name: node.source }, where(node.range?.[0] ?? start)));
      },
    });
    return { errors };
  }
}

/** A document holding nothing (a trailing `---`, a comment) is not a record. */
function holdsNothing(contents: Node | null): boolean {
  return contents === null || (yamlLib().isScalar(contents) && contents.value === null && !contents.source);
}

/**
 * One document of the file, checked: its errors, and the document itself unless it holds
 * nothing. The errors of a document left out still count for the file.
 */
function readDocument(doc: Document.Parsed, index: number, source: Source): { parsed?: ParsedDoc; errors: Diagnostic[] } {
  const { where } = source;
  let errors = doc.errors.map((e) => yamlError(e, where(e.pos[0])));
  if (doc.directives.yaml.explicit) errors.push(diagnostic('yaml-directive', { version: String(doc.directives.yaml.version) }, where(0)));
  const contents = doc.contents as Node | null;
  const start = contents?.range?.[0] ?? 0;
  // concat, not push(...): a file may hold more tags or aliases than a call takes arguments.
  if (source.maybeTagged) errors = errors.concat(tagErrors(doc, source.text, where));
  const read = errors.length === 0 ? plainData(doc, where, start) : { errors: [] };
  const ok = 'data' in read;
  if (!ok) errors = errors.concat(read.errors);
  if (holdsNothing(contents) && doc.errors.length === 0) return { errors };
  const p = source.lines.position(start);
  const parsed: ParsedDoc = { index, doc, data: ok ? read.data : undefined, errors, line: p.line, column: p.column };
  if (!ok) parsed.salvaged = salvage(doc);
  return { parsed, errors };
}

/** Parse YAML 1.2 (core schema: dates stay text, no yes/no booleans) into positioned documents. */
export function parseYaml(text: string, file: string): ParsedText {
  const lines = new LineIndex(text);
  const source: Source = { text, lines, where: (offset) => ({ file, ...lines.position(offset) }), maybeTagged: text.includes('!') };
  const { parseAllDocuments } = yamlLib();
  const parsed = parseAllDocuments(text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const read = (Array.isArray(parsed) ? parsed : [parsed]).map((doc, index) => readDocument(doc, index, source));
  return {
    text,
    lines,
    docs: read.flatMap((r) => (r.parsed ? [r.parsed] : [])),
    diagnostics: read.flatMap((r) => r.errors),
  };
}

/** The kind and id of a document with errors, when its top level still reads as a mapping. */
function salvage(doc: Document.Parsed): { kind?: unknown; id?: unknown } {
  const { isMap, isScalar } = yamlLib();
  try {
    if (!isMap(doc.contents)) return {};
    const get = (key: string) => {
      const v = doc.get(key, true);
      return isScalar(v) ? v.value : undefined;
    };
    return { kind: get('kind'), id: get('id') };
  } catch {
    return {};
  }
}
