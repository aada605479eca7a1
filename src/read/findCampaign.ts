// The campaign is the nearest ledger.yaml from the working folder upward, as git finds .git.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CAMPAIGN_FILE } from '../model/campaign.js';

export { CAMPAIGN_FILE };

export function findCampaignRoot(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, CAMPAIGN_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
