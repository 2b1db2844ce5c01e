// A tiny client for marsad's JSON API (same origin; the session cookie goes along), with the response types the UI reads.

import type {
  AuditEntryView,
  ClaimView,
  ClaimWithReportView,
  ClaimsPage as ClaimsPageView,
  IncidentView,
  Ingested,
  LinkDecisionView,
  LinkPairView,
  LinksView,
  Me,
  Page,
  ReportDetail as ReportDetailView,
  ReviewView,
  TallyView,
  TollDecisionOutView,
  TollsView,
} from '../../src/http/views.js';

// The shapes are the server's (src/http/views.ts): a change there breaks this compile too.
export type { ClaimKind, ClaimStatus, CoveredIncidentView as CoveredIncident, Ingested, Me, OrphanedDecisionView as OrphanedDecision, Page, Quote, Role, TollCoverageView as TollCoverage } from '../../src/http/views.js';
export type Incident = IncidentView;
export type Place = IncidentView['places'][number];
export type Tally = TallyView;
export type TallyGroup = TallyView['groups'][number];
export type TallySource = TallyGroup['sources'][number];
export type AuditEntry = AuditEntryView;
export type AuditReview = ReviewView;
export type Links = LinksView;
export type LinkPair = LinkPairView;
export type LinkRecord = LinkPair['records'][number];

export interface Span {
  start: number;
  end: number;
}

/**
 * The current values of a claim as the UI reads them. The API sends a claim's values as a JSON object (its shape is
 * the extractor's claim, or an analyst's correction of it); these are the fields the pages look at, each optional.
 */
export interface ClaimData {
  kind?: ClaimView['kind'];
  date?: { start: string; end: string } | null;
  fatalities?: { low: number | null; best: number | null; high: number | null; byCategory?: Record<string, number> };
  qualifier?: string | null;
  eventType?: string | null;
  subEventType?: string | null;
  places?: { name: string; lat?: number | null; lon?: number | null; admin1?: string | null; country?: string | null; spans?: Span[] }[];
  place?: { name: string; spans?: Span[] } | null;
  actors?: { name: string; type: string; spans?: Span[] }[];
  figures?: { text: string; value: number; low: number; high: number; source: string | null; outcome: string; spans?: Span[] }[];
  attributions?: { source: string; verb: string; spans?: Span[] }[];
  name?: string | null;
  age?: number | null;
  sex?: string | null;
  cause?: string | null;
  [key: string]: unknown;
}

/** A claim with its values read as ClaimData. */
export type Claim = Omit<ClaimView, 'proposed' | 'corrected' | 'current'> & { proposed: ClaimData | null; corrected: ClaimData | null; current: ClaimData };
export type QueueItem = Claim & Omit<ClaimsPageView['items'][number], keyof ClaimView>;
export type ClaimsPage = Omit<ClaimsPageView, 'items'> & { items: QueueItem[] };
/** One claim with its report; a toll with its coverage. */
export type ClaimDetail = Omit<ClaimWithReportView, 'claim'> & { claim: Claim };
export type Tolls = TollsView;
export type TollVerdict = TollDecisionOutView['verdict'];
export type ReportDetail = Omit<ReportDetailView, 'extractions'> & { extractions: (Omit<ReportDetailView['extractions'][number], 'claims'> & { claims: Claim[] })[] };

/** Filters shared by the map, the timeline and the tallies. */
export interface Filters {
  place: string;
  from: string;
  to: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'error', data?.error?.message ?? `${method} ${path}: HTTP ${res.status}`);
  return data as T;
}

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const filterQuery = (f: Filters) => ({ place: f.place, from: f.from, to: f.to });

export const api = {
  me: () => call<Me>('GET', '/api/me'),
  login: (token: string) => call<Me>('POST', '/api/login', { token }),
  logout: () => call<{ ok: true }>('POST', '/api/logout'),
  paste: (r: { text: string; published: string; outlet: string; url?: string }) => call<Ingested>('POST', '/api/reports', r),
  queue: (status: ClaimView['status'] = 'proposed') => call<ClaimsPage>('GET', `/api/claims${query({ status, limit: 500 })}`),
  report: (id: string) => call<ReportDetail>('GET', `/api/reports/${encodeURIComponent(id)}`),
  decide: (id: string, action: 'confirm' | 'reject' | 'correct', body: { comment?: string; patch?: Record<string, unknown>; redecide?: boolean } = {}) =>
    call<{ claim: Claim; reviewId: number; previous: ClaimView['status'] }>('POST', `/api/claims/${encodeURIComponent(id)}/${action}`, body),
  incidents: (f: Partial<Filters> & { after?: string }, limit = 500) => call<Page<Incident>>('GET', `/api/incidents${query({ ...f, limit })}`),
  tally: (f: Partial<Filters> & { by?: string }) => call<Tally>('GET', `/api/tally${query(f)}`),
  audit: (p: { entity?: string; entityId?: string; limit?: number } = {}) => call<Page<AuditEntry>>('GET', `/api/audit${query({ ...p, limit: p.limit ?? 1000 })}`),
  links: () => call<Links>('GET', '/api/links/incident'),
  decideLink: (a: string, b: string, verdict: 'merge' | 'split' | 'undo', comment?: string) =>
    call<LinkDecisionView>('POST', '/api/links/incident/decisions', { a, b, verdict, ...(comment ? { comment } : {}) }),
  claim: (id: string) => call<ClaimDetail>('GET', `/api/claims/${encodeURIComponent(id)}`),
  tolls: (p: { includeProposed?: boolean; toll?: string; incident?: string } = {}) => call<Tolls>('GET', `/api/tolls${query(p)}`),
  decideToll: (toll: string, incident: string, verdict: TollVerdict, comment?: string) =>
    call<TollDecisionOutView>('POST', `/api/tolls/${encodeURIComponent(toll)}/decisions`, { incident, verdict, ...(comment ? { comment } : {}) }),
  openapi: () => call<{ paths?: Record<string, unknown> }>('GET', '/api/openapi.json'),
};

export const mayReview = (me: Me | null) => me?.role === 'analyst' || me?.role === 'admin';

export const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '–' : String(n));
export const range = (f: { low: number | null; best: number | null; high: number | null }) =>
  f.low !== null && f.high !== null && f.low !== f.high ? `${fmt(f.best)} (${fmt(f.low)}–${fmt(f.high)})` : f.high === null && f.low !== null ? `${fmt(f.best)}+` : fmt(f.best);
