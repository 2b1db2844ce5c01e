// Use case: verify the audit chain end to end and name the first entry that does not fit.
import { verifyChain, type ChainReport } from '../store/audit.js';
import type { AppDeps } from './deps.js';

export type VerifyAuditOutput = ChainReport & { ok: boolean };

export async function verifyAudit(deps: AppDeps): Promise<VerifyAuditOutput> {
  const report = await verifyChain(deps.store);
  return { ...report, ok: report.firstBreak === null };
}
