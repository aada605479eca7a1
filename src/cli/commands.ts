// Every subcommand, in the order `ledger --help` lists them.
import type { Command } from 'commander';
import type { Runtime } from './runtime.js';
import { registerInit } from './init.js';
import { registerNew } from './new.js';
import { registerValidate } from './validate.js';
import { registerMerge } from './merge.js';
import { registerAudit } from './audit.js';
import { registerStatus } from './status.js';
import { registerExport } from './export.js';
import { registerReport } from './report.js';
import { registerSchema } from './schema.js';

export function registerCommands(program: Command, rt: () => Runtime): void {
  registerInit(program, rt);
  registerNew(program, rt);
  registerValidate(program, rt);
  registerMerge(program, rt);
  registerAudit(program, rt);
  registerStatus(program, rt);
  registerExport(program, rt);
  registerReport(program, rt);
  registerSchema(program, rt);
}
