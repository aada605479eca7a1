// Types for generate.mjs, so TypeScript tests can build benchmark-sized campaigns.
export function generateCampaign(
  dir: string,
  options?: { groups?: number; records?: number; mix?: { opinion?: number; info?: number; card?: number }; seed?: number },
): Record<string, number>;
