// `ledger new` as a library: a record skeleton for a group, from templates/new/, with the next
// free id and every field present (optional ones commented out), in the campaign's language.
// The lines marked "fill in" start empty, so an unfilled skeleton never passes validation.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { scanGroup } from '../read/scanGroups.js';
import { LedgerError } from '../messages/errors.js';
import type { Campaign, Group } from '../model/campaign.js';
import { ID_PREFIX } from '../model/templateLayout.js';
import type { RecordKind } from '../schema/spec.js';
import { renderBuiltIn } from '../render/templates.js';
import { nearest } from '../text/suggest.js';
import { VOCABULARIES, type Locale, type VocabularyName } from '../schema/vocab.js';
import { alignComments } from './alignComments.js';
import { scalar } from '../yaml/emit.js';

export { ID_PREFIX };
const FOLDER: Readonly<Record<RecordKind, string>> = {
  visit: 'visits',
  opinion: 'opinions',
  info: 'info',
  appeal: 'cards',
  stability: 'cards',
  hardship: 'cards',
};

export interface NewOptions {
  kind: RecordKind;
  group: string;
  date: string;
  /** Records of other kinds to add after a visit, referencing it: e.g. { opinion: 3 }. */
  with?: Partial<Record<RecordKind, number>>;
}

export interface NewResult {
  /** The file written, relative to the campaign root. */
  file: string;
  ids: string[];
}

/** The ids already used in a group, by reading its record files (unreadable ones are skipped). */
export function usedIds(root: string, group: string): Set<string> {
  const ids = new Set<string>();
  const scan = scanGroup(root, group);
  // Refused files are never opened: a pipe would block, a link may lead anywhere.
  for (const rel of scan.recordFiles.filter((f) => !scan.refused[f])) {
    let text: string;
    try {
      text = readFileSync(path.join(root, rel), 'utf8');
    } catch {
      continue;
    }
    for (const doc of parseAllDocuments(text, { schema: 'core' }) as unknown as { toJS(): unknown }[]) {
      try {
        const v = doc.toJS() as { id?: unknown } | null;
        if (v && typeof v === 'object' && (typeof v.id === 'string' || typeof v.id === 'number')) ids.add(String(v.id));
      } catch {
        /* a broken document has no id to avoid; validate reports it */
      }
    }
  }
  return ids;
}

/** The next `<prefix><n>` after the largest n in use, so ids keep their order. */
export function nextId(used: Set<string>, prefix: string): string {
  let max = 0;
  const re = new RegExp(`^${prefix}(\\d+)$`);
  for (const id of used) {
    const m = re.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  let n = max + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

function options(lang: Locale): Record<VocabularyName, string> {
  const out = {} as Record<VocabularyName, string>;
  for (const [name, vocab] of Object.entries(VOCABULARIES) as [VocabularyName, (typeof VOCABULARIES)[VocabularyName]][]) {
    out[name] = vocab.map((t) => (lang === 'zh-CN' ? t.zh : t.code)).join(' | ');
  }
  return out;
}

function skeleton(
  kind: RecordKind,
  lang: Locale,
  view: { id: string; date: string; leader: string; visit: string | null; options: Record<VocabularyName, string> },
): string {
  return renderBuiltIn(`new/${kind}.${lang}.yaml.hbs`, view);
}

export function findGroup(campaign: Campaign, id: string): Group {
  const g = campaign.groups.find((x) => x.id === id);
  if (!g) {
    const suggest = nearest(
      id,
      campaign.groups.map((x) => x.id),
    );
    throw new LedgerError('unknown-group', { group: id, where: 'campaign', ...(suggest === undefined ? {} : { suggest }) });
  }
  return g;
}

export function newRecord(root: string, campaign: Campaign, opts: NewOptions): NewResult {
  const group = findGroup(campaign, opts.group);
  const extra = Object.entries(opts.with ?? {}).filter(([, n]) => (n ?? 0) > 0) as [RecordKind, number][];
  if (extra.length && opts.kind !== 'visit') throw new LedgerError('with-needs-visit', {});
  const lang = campaign.locale;
  const used = usedIds(root, group.id);
  const take = (kind: RecordKind) => {
    const id = nextId(used, ID_PREFIX[kind]);
    used.add(id);
    return id;
  };
  const base = { date: opts.date, leader: scalar(group.leader), options: options(lang) };
  const schemaFile = path.join(root, 'schemas', 'record.schema.json');
  const id = take(opts.kind);
  const docs = [skeleton(opts.kind, lang, { ...base, id, visit: null })];
  const ids = [id];
  for (const [kind, n] of extra) {
    for (let i = 0; i < n; i++) {
      const extraId = take(kind);
      ids.push(extraId);
      docs.push(skeleton(kind, lang, { ...base, id: extraId, visit: id }));
    }
  }
  const dir = path.join(root, 'groups', group.id, FOLDER[opts.kind]);
  let rel = `groups/${group.id}/${FOLDER[opts.kind]}/${opts.date}-${id}.yaml`;
  for (let n = 2; existsSync(path.join(root, rel)); n++) rel = `groups/${group.id}/${FOLDER[opts.kind]}/${opts.date}-${id}-${n}.yaml`;
  const file = path.join(root, rel);
  const header = existsSync(schemaFile)
    ? `# yaml-language-server: $schema=${path.relative(path.dirname(file), schemaFile).split(path.sep).join('/')}\n`
    : '';
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, header + alignComments(docs.join('---\n')), { flag: 'wx' });
  return { file: rel, ids };
}
