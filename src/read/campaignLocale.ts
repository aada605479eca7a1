// The campaign's `locale:` read off ledger.yaml's text without parsing it: the language is
// needed before any command runs (help is worded in it), so this must cost next to nothing.
import path from 'node:path';
import type { Lang } from '../messages/words.js';
import { findCampaignRoot } from './findCampaign.js';
import { readRegularFile } from './readRegular.js';

/** The locale of the campaign found from `dir` upward; zh-CN when it names none; undefined outside a campaign. */
export function campaignLocale(dir: string): Lang | undefined {
  const root = findCampaignRoot(dir);
  if (!root) return undefined;
  try {
    const text = readRegularFile(path.join(root, 'ledger.yaml'), 16 * 1024 * 1024).toString('utf8');
    const m = /^locale:[ \t]*["']?(en|zh-CN)["']?[ \t]*(?:#.*)?$/m.exec(text);
    return m ? (m[1] as Lang) : 'zh-CN';
  } catch {
    return undefined;
  }
}
