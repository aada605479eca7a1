// The library behind the CLI: what other tools and tests import. read → check → build → write:
// validate is read → check; merge is read → check → build → write; status reads the folders;
// audit, export and report read the verified ledgers.
export { main } from './main.js';
export { localize, type Diagnostic, type DiagnosticCode, type Severity } from './messages/diagnostic.js';
export { DIAGNOSTIC_CODES } from './messages/diagnosticCodes.js';
export { LedgerError, renderError, type ErrorCode } from './messages/errors.js';
export type { Campaign, Group, Member, FileResult, RecordResult } from './model/campaign.js';
export { validateCampaign, type ValidationResult } from './pipeline/validateCampaign.js';
export { loadCampaign } from './read/loadCampaign.js';
export { findCampaignRoot } from './read/findCampaign.js';
export { allSchemas } from './schema/jsonSchema.js';
export { mergeCampaign, type MergeResult } from './pipeline/mergeCampaign.js';
export { campaignStatus } from './pipeline/campaignStatus.js';
export { loadLedgers } from './read/loadLedgers.js';
export type { LedgerRecord, LedgerSet, Manifest } from './model/ledgers.js';
export { findingMessage, runAudit, type AuditResult, type Finding } from './audit/runAudit.js';
export { campaignStats, type CampaignStats } from './stats/campaignStats.js';
export { exportWorkbook } from './export/exportWorkbook.js';
export { buildReportModel, type ReportModel } from './report/reportModel.js';
export { renderReport, writeReport } from './report/writeReport.js';
export { initCampaign } from './init/initCampaign.js';
export { newRecord } from './init/newRecord.js';
export * as vocab from './schema/vocab.js';
export { changeReviews, listReviews } from './pipeline/reviewCampaign.js';
export { loadReviews } from './read/loadReviews.js';
export { recordHash, type ReviewEntry, type ReviewState } from './model/reviews.js';
export { writeFeedback } from './feedback/writeFeedback.js';
