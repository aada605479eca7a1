// Ledger files as text: deterministic YAML under a do-not-edit header, and the first line of
// each file's JSON copy, which names the hash of the YAML it mirrors.
import { emitYaml } from '../yaml/emit.js';
import { VERSION } from '../util/version.js';
import { sha256 } from '../util/hash.js';

export const MANIFEST_FILE = 'manifest.yaml';
export const REJECTED_FILE = 'rejected.yaml';
/** What the last merge changed: beside the ledgers, not one of them (not in the manifest's hashes). */
export const CHANGES_FILE = 'changes.yaml';

const CHANGES_HEADER = '# Written by `ledger merge`: what this merge changed in the ledgers it replaced. Not part of the ledgers.\n';

export function changesText(value: unknown): string {
  return CHANGES_HEADER + emitYaml(value);
}

export const YAML_HEADER = '# Written by `ledger merge`. Do not edit: change the group files and merge again.\n';

export function ledgerText(value: unknown): string {
  return YAML_HEADER + emitYaml(value);
}

const CHECKSUM = /^# checksum sha256:([0-9a-f]{64})\n/;

/**
 * The manifest holds the hashes of the other ledger files; its own is on its second line, over
 * the text after that line, so a hand edit of the manifest is refused like any other.
 */
export function manifestText(value: unknown): string {
  const body = emitYaml(value);
  return `${YAML_HEADER}# checksum sha256:${sha256(body)}\n${body}`;
}

/** The manifest's YAML when its checksum line matches it, else null (edited, torn or foreign). */
export function verifiedManifest(text: string): string | null {
  if (!text.startsWith(YAML_HEADER)) return null;
  const rest = text.slice(YAML_HEADER.length);
  const m = CHECKSUM.exec(rest);
  if (!m) return null;
  const body = rest.slice(m[0].length);
  return sha256(body) === m[1] ? body : null;
}

/** The first line of a JSON copy made from the ledger text with this hash, by this tool (and its pieces, if in pieces). */
export function copyHead(hash: string, pieces?: { names: string[]; hashes: string[] }): string {
  return `${JSON.stringify(pieces ? { sha256: hash, tool: VERSION, pieces: pieces.names, hashes: pieces.hashes } : { sha256: hash, tool: VERSION })}\n`;
}
