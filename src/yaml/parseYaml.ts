// Bytes → text → YAML documents with positions. Everything that can go wrong here becomes a
// Diagnostic; a document that cannot be trusted is returned with `data` undefined.
import { parseAllDocuments, visit, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex, type Position } from '../util/position.js';

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
    return {
      diagnostic: {
        severity: 'error',
        code: 'not-utf8',
        message: 'the file is UTF-16, not UTF-8: re-save it as UTF-8 (Notepad: Save As → Encoding: UTF-8; WPS/Word: plain text, UTF-8)',
        file,
        line: 1,
        column: 1,
        pointer: '',
      },
    };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const pos = new LineIndex(before).position(before.length);
    let guess = '';
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      guess = ' It looks like GBK/GB18030 (the Chinese Windows default).';
    } catch {
      /* not GBK either: say nothing about where it came from */
    }
    return {
      diagnostic: {
        severity: 'error',
        code: 'not-utf8',
        message: `the file is not UTF-8 (invalid byte at offset ${bad}).${guess} Re-save it as UTF-8 (Notepad: Save As → Encoding: UTF-8; or: iconv -f GB18030 -t UTF-8 in > out)`,
        file,
        line: pos.line,
        column: pos.column,
        pointer: '',
      },
    };
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

const YAML_CODES: Record<string, string> = {
  TAB_AS_INDENT: 'yaml-tab',
  DUPLICATE_KEY: 'yaml-duplicate-key',
};

function yamlMessage(code: string, message: string): string {
  if (code === 'TAB_AS_INDENT') return 'tab used for indentation: YAML needs spaces';
  if (code === 'DUPLICATE_KEY') return 'this key appears twice in the same record';
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

/** Parse YAML 1.2 (core schema: dates stay text, no yes/no booleans) into positioned documents. */
export function parseYaml(text: string, file: string): ParsedText {
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number): Position => lines.position(offset);
  const push = (code: string, message: string, offset: number, pointer = '') => {
    const p = at(offset);
    diagnostics.push({ severity: 'error', code, message, file, line: p.line, column: p.column, pointer });
  };
  const docs: ParsedDoc[] = [];
  const parsed = parseAllDocuments(text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const maybeTagged = text.includes('!');
  list.forEach((doc, index) => {
    const before = diagnostics.length;
    let ok = true;
    for (const e of doc.errors) {
      ok = false;
      push(YAML_CODES[e.code] ?? 'yaml-syntax', yamlMessage(e.code, e.message), e.pos[0]);
    }
    if (doc.directives.yaml.explicit) {
      ok = false;
      push('yaml-directive', `%YAML ${doc.directives.yaml.version} directive refused: records are YAML 1.2; remove the directive line`, 0);
    }
    const contents = doc.contents as Node | null;
    const start = contents?.range?.[0] ?? 0;
    if (maybeTagged) {
      visit(doc, (_key, node) => {
        if ((isScalar(node) || isMap(node) || isSeq(node)) && node.tag && node.range) {
          ok = false;
          // The node's range starts after its tag; point at the tag itself when it is on the same line.
          let tagAt = node.range[0];
          const bang = text.lastIndexOf('!', node.range[0]);
          if (bang >= 0 && !text.slice(bang, node.range[0]).includes('\n')) {
            tagAt = bang;
            while (tagAt > 0 && !/\s/.test(text[tagAt - 1] as string)) tagAt--;
          }
          push('yaml-tag', `YAML tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} refused: write the plain value`, tagAt);
        }
      });
    }
    let data: unknown;
    if (ok) {
      try {
        data = doc.toJS({ maxAliasCount: 0 });
      } catch {
        ok = false;
        visit(doc, {
          Alias(_key, node) {
            push('yaml-alias', `alias *${node.source} refused: write the value out in full`, node.range?.[0] ?? start);
          },
        });
      }
    }
    // A document holding nothing (a trailing `---`, a comment) is not a record.
    if (contents === null || (isScalar(contents) && contents.value === null && !contents.source)) {
      if (doc.errors.length === 0) return;
    }
    const p = at(start);
    docs.push({ index, doc, data: ok ? data : undefined, errors: diagnostics.slice(before), line: p.line, column: p.column });
  });
  return { text, lines, docs, diagnostics };
}
