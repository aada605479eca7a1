// `ledger new`: a record skeleton for a group, with the next free id.
import { KIND_SHORT } from '../../format/kindWords.js';
import path from 'node:path';
import { newRecord } from '../../init/newRecord.js';
import { LedgerError } from '../../messages/errors.js';
import { ui } from '../../messages/ui.js';
import { loadCampaign } from '../../read/loadCampaign.js';
import { kindCode, KIND_LABELS, RECORD_KINDS, type RecordKind } from '../../schema/spec.js';
import { nearest } from '../../text/suggest.js';
import { localToday } from '../../util/dates.js';
import { campaignRoot, langOf, parseDate, type Runtime } from '../runtime.js';

export function run(rt: Runtime, args: unknown[], opts: Record<string, unknown>): void {
  const lang = langOf(rt, opts.lang as string | undefined);
  const kind = kindOf(String(args[0]), lang);
  const root = campaignRoot(rt);
  const { campaign } = loadCampaign(root);
  if (!campaign) throw new LedgerError('campaign-invalid', {});
  const inside = path.relative(root, rt.cwd).split(path.sep);
  const group = (opts.group as string | undefined) ?? (inside[0] === 'groups' && inside[1] ? inside[1] : undefined);
  if (group === undefined) throw new LedgerError('name-the-group', { groups: campaign.groups.map((g) => g.id) });
  const date = opts.date === undefined ? localToday() : parseDate(String(opts.date), '--date');
  const extra = opts.with === undefined ? undefined : parseWith(String(opts.with));
  const result = newRecord(root, campaign, {
    kind,
    group,
    date,
    ...(extra ? { with: extra } : {}),
    lang,
  });
  rt.stdout.write(`${path.relative(rt.cwd, path.join(root, result.file)).split(path.sep).join('/')}\n`);
  rt.log(ui(lang).newDone(result.ids.join(lang === 'zh-CN' ? '、' : ', ')));
}

/** What a clerk also calls a kind: the short names of the tables (意见, 活动…) and the ways of visiting. */
const SAID: Readonly<Record<string, RecordKind>> = {
  ...Object.fromEntries(Object.entries(KIND_SHORT).map(([k, w]) => [w.zh, k as RecordKind])),
  走访: 'visit',
  座谈: 'visit',
  入户: 'visit',
};

function kindOf(value: string, lang: string): RecordKind {
  const kind = kindCode(value) ?? kindCode(value.replace(/s$/, '')) ?? SAID[value.trim()];
  if (kind) return kind;
  const names = lang === 'zh-CN' ? RECORD_KINDS.map((k) => KIND_LABELS[k].zh) : [...RECORD_KINDS];
  const suggest = nearest(value, [...RECORD_KINDS, ...RECORD_KINDS.map((k) => KIND_LABELS[k].zh)]);
  throw new LedgerError('unknown-kind', { kind: value, kinds: names, ...(suggest === undefined ? {} : { suggest }) });
}

/** `opinions=3,appeal=1` → { opinion: 3, appeal: 1 } (kinds as codes, zh-CN labels or plurals). */
export function parseWith(value: string): Partial<Record<RecordKind, number>> {
  const out: Partial<Record<RecordKind, number>> = {};
  for (const part of value
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([^=\s]+)\s*=\s*(\d+)$/.exec(part);
    if (!m) throw new LedgerError('with-syntax', { part });
    const name = m[1]!;
    const kind = kindCode(name) ?? kindCode(name.replace(/s$/, ''));
    if (!kind || kind === 'visit') {
      const suggest = nearest(
        name,
        RECORD_KINDS.filter((k) => k !== 'visit'),
      );
      throw new LedgerError('with-kind', { name, ...(suggest === undefined ? {} : { suggest }) });
    }
    const n = Number(m[2]);
    if (n > 50) throw new LedgerError('with-too-many', { name, n });
    out[kind] = (out[kind] ?? 0) + n;
  }
  return out;
}
