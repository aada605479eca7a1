// The library behind the CLI: what other tools and tests import. Each stage is a function of
// plain data: read → validate → merge → write; audit, export and report read the ledgers.
export { main } from './main.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export type { Campaign, Group, Member, FileResult, RecordResult } from './model/campaign.js';
export { validateCampaign, type ValidationResult } from './pipeline/validateCampaign.js';
export { loadCampaign } from './read/loadCampaign.js';
export { findCampaignRoot } from './read/findCampaign.js';
export { allSchemas } from './schema/jsonSchema.js';
export { mergeCampaign, mergeCampaignParallel, type MergeResult } from './pipeline/mergeCampaign.js';
export { loadLedgers } from './read/loadLedgers.js';
export type { LedgerRecord, LedgerSet, Manifest } from './model/ledgers.js';
export { runAudit, type AuditResult, type Finding } from './audit/runAudit.js';
export { campaignStats, type CampaignStats } from './stats/campaignStats.js';
export { exportWorkbook } from './export/exportWorkbook.js';
export { buildReportModel, type ReportModel } from './report/reportModel.js';
export { renderReport, writeReport } from './report/writeReport.js';
export { initCampaign } from './init/initCampaign.js';
export { newRecord } from './init/newRecord.js';
export * as vocab from './schema/vocab.js';
