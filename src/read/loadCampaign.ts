// Reads ledger.yaml and checks it. Returns the campaign when it is usable, with diagnostics either way.
import path from 'node:path';
import { CAMPAIGN_FILE, checkCampaign } from '../check/checkCampaign.js';
import type { Diagnostic } from '../messages/diagnostic.js';
import type { Campaign } from '../model/campaign.js';
import { readRegularFile } from './readRegular.js';

export interface LoadedCampaign {
  campaign: Campaign | null;
  diagnostics: Diagnostic[];
  /** The bytes of ledger.yaml, for the manifest's hash. */
  bytes: Buffer;
}

export function loadCampaign(root: string): LoadedCampaign {
  // ledger.yaml is a few kilobytes: anything over 16 MB is not one.
  const bytes = readRegularFile(path.join(root, CAMPAIGN_FILE), 16 * 1024 * 1024);
  return { ...checkCampaign(bytes), bytes };
}
