// A stored claim as people read it: its current values, its decision, and the quoted words of the report it came from.
import { decodeReportBytes, parseReport } from '../domain/report-file.js';
import type { ClaimRow, ClaimStatus, ReviewRow } from '../store/claims.js';
import type { ClaimKind, ReportRow } from '../store/reports.js';
import { claimRef, extractionRef, reportRef } from './ids.js';

export interface Quote {
  start: number;
  end: number;
  text: string;
}

/** The first thing a reviewer reads of any claim listed beside others: which claim, from where, when, where. */
export interface ClaimHead {
  claim: string;
  report: string;
  outlet: string;
  status: string;
  date: string | null;
  place: string | null;
}

export interface ClaimView {
  id: string;
  claimId: number;
  report: string;
  extraction: string;
  ref: string;
  kind: ClaimKind;
  status: ClaimStatus;
  /** What the extractor proposed. */
  proposed: Record<string, unknown>;
  /** The analyst's values when corrected. */
  corrected: Record<string, unknown> | null;
  /** What counts now: the correction if any, else the proposal. */
  current: Record<string, unknown>;
  rules: string[];
  quotes: Quote[];
  decidedAt: string | null;
  decidedBy: string | null;
  reviews: ReviewView[];
}

export interface ReviewView {
  user: string;
  action: string;
  comment: string | null;
  at: string;
  before: unknown;
  after: unknown;
}

export interface ReportView {
  id: string;
  reportId: number;
  sha256: string;
  size: number;
  outlet: string;
  url: string;
  published: string;
  language: string;
  source: string | null;
  ingestedAt: string;
  ingestedBy: string;
}

export function reportView(r: Omit<ReportRow, 'bytes'>): ReportView {
  return {
    id: reportRef(r.id),
    reportId: r.id,
    sha256: r.sha256,
    size: r.size,
    outlet: r.outlet,
    url: r.url,
    published: r.published,
    language: r.language,
    source: r.source,
    ingestedAt: r.ingested_at,
    ingestedBy: r.ingested_by,
  };
}

/** The body as extraction saw it: spans are offsets into this string, not into the file's bytes. */
export function bodyOf(r: ReportRow): string {
  return parseReport(decodeReportBytes(r.bytes), { outlet: r.outlet, url: r.url, published: r.published, language: r.language }).report.body;
}

export function claimView(c: ClaimRow, body: string | null, reviews: readonly ReviewRow[] = []): ClaimView {
  return {
    id: claimRef(c.id),
    claimId: c.id,
    report: reportRef(c.report_id),
    extraction: extractionRef(c.extraction_id),
    ref: c.ref,
    kind: c.kind,
    status: c.status,
    proposed: c.data,
    corrected: c.corrected,
    current: c.corrected ?? c.data,
    rules: c.rules,
    quotes: body === null ? [] : c.spans.map((s) => ({ start: s.start, end: s.end, text: body.slice(s.start, s.end) })),
    decidedAt: c.decided_at,
    decidedBy: c.decided_by,
    reviews: reviews.filter((r) => r.claim_id === c.id).map((r) => ({ user: r.user_name, action: r.action, comment: r.comment, at: r.at, before: r.before, after: r.after })),
  };
}

/** Stored bytes always decoded at ingest; should a rule change later, show the claim without quotes rather than fail. */
export function safeBody(report: ReportRow): string | null {
  try {
    return bodyOf(report);
  } catch {
    return null;
  }
}
