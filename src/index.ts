// The library behind the CLI: what other tools and tests import.
export { main } from './main.js';
export type { Diagnostic, Severity } from './diagnostic.js';
export type { Campaign, Group, Member, FileResult, RecordResult } from './model.js';
export { validateCampaign, type ValidationResult } from './validate/validateCampaign.js';
export { loadCampaign } from './campaign/loadCampaign.js';
export { findCampaignRoot } from './campaign/findCampaign.js';
export { allSchemas } from './schema/jsonSchema.js';
export * as vocab from './vocab.js';
