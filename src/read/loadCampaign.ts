// Reads ledger.yaml and checks it. Returns the campaign when it is usable, with diagnostics either way.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CAMPAIGN_FILE, checkCampaign } from '../check/checkCampaign.js';
import type { Diagnostic } from '../messages/diagnostic.js';
import type { Campaign } from '../model/campaign.js';

export interface LoadedCampaign {
  campaign: Campaign | null;
  diagnostics: Diagnostic[];
  /** The bytes of ledger.yaml, for the manifest's hash. */
  bytes: Buffer;
}

export function loadCampaign(root: string): LoadedCampaign {
  const bytes = readFileSync(path.join(root, CAMPAIGN_FILE));
  return { ...checkCampaign(bytes), bytes };
}
