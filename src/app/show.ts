// Use cases: show a report with every extraction and claim, or one claim with its source, quotes and reviews.
import { MarsadError } from '../domain/errors.js';
import { claimsOfReport, getClaim, reviewsOfClaims } from '../store/claims.js';
import { getReport, listExtractions } from '../store/reports.js';
import { claimView, reportView, safeBody, type ClaimView, type ReportView } from './claim-view.js';
import type { AppDeps } from './deps.js';
import { coverageOfToll, type TollCoverageView } from './toll-coverage.js';
import { claimRef, extractionRef, parseRef, reportRef } from './ids.js';

export interface ExtractionView {
  id: string;
  extractorVersion: string;
  createdAt: string;
  warnings: unknown;
  claims: ClaimView[];
}

export interface ShowReportOutput {
  report: ReportView;
  body: string | null;
  extractions: ExtractionView[];
}

export interface ShowClaimOutput {
  report: ReportView;
  claim: ClaimView;
  /** Tolls: the incidents the toll covers and how they add up to it (null when the toll is not counted: rejected or superseded). */
  coverage?: TollCoverageView | null;
}

export type ShowOutput = ({ kind: 'report' } & ShowReportOutput) | ({ kind: 'claim' } & ShowClaimOutput);

/** `r12`, `c345` or a SHA-256 prefix. */
export async function show(deps: AppDeps, ref: string): Promise<ShowOutput> {
  const parsed = parseRef(ref);
  if (parsed.kind === 'claim') return { kind: 'claim', ...(await showClaim(deps, parsed.id)) };
  return { kind: 'report', ...(await showReport(deps, parsed.kind === 'report' ? { id: parsed.id } : { shaPrefix: parsed.prefix })) };
}

export async function showReport(deps: AppDeps, ref: { id: number } | { shaPrefix: string }): Promise<ShowReportOutput> {
  const report = await getReport(deps.store, ref);
  if (!report) throw new MarsadError('not_found', 'id' in ref ? `no report ${reportRef(ref.id)}` : `no single report whose SHA-256 starts with ${ref.shaPrefix}`);
  const body = safeBody(report);
  const [extractions, claims] = await Promise.all([listExtractions(deps.store, report.id), claimsOfReport(deps.store, report.id)]);
  const reviews = await reviewsOfClaims(deps.store, claims.map((c) => c.id));
  return {
    report: reportView(report),
    body,
    extractions: extractions.map((x) => ({
      id: extractionRef(x.id),
      extractorVersion: x.extractor_version,
      createdAt: x.created_at,
      warnings: x.warnings,
      claims: claims.filter((c) => c.extraction_id === x.id).map((c) => claimView(c, body, reviews)),
    })),
  };
}

export async function showClaim(deps: AppDeps, claimId: number): Promise<ShowClaimOutput> {
  const claim = await getClaim(deps.store, claimId);
  if (!claim) throw new MarsadError('not_found', `no claim ${claimRef(claimId)}`);
  const report = (await getReport(deps.store, { id: claim.report_id }))!;
  const out: ShowClaimOutput = { report: reportView(report), claim: claimView(claim, safeBody(report), await reviewsOfClaims(deps.store, [claim.id])) };
  if (claim.kind === 'toll') out.coverage = await coverageOfToll(deps, claim.id);
  return out;
}
