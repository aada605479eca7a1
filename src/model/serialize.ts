// Ledger files as text: deterministic YAML under a do-not-edit header, and the first line of
// each file's JSON copy, which names the hash of the YAML it mirrors.
import { emitYaml } from '../yaml/emit.js';
import { VERSION } from '../util/version.js';

export const MANIFEST_FILE = 'manifest.yaml';
export const REJECTED_FILE = 'rejected.yaml';

export const YAML_HEADER = '# Written by `ledger merge`. Do not edit: change the group files and merge again.\n';

export function ledgerText(value: unknown): string {
  return YAML_HEADER + emitYaml(value);
}

/** The first line of a JSON copy made from the ledger text with this hash, by this tool (and its pieces, if in pieces). */
export function copyHead(sha256: string, pieces?: string[]): string {
  return `${JSON.stringify(pieces ? { sha256, tool: VERSION, pieces } : { sha256, tool: VERSION })}\n`;
}
