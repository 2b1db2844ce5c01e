// A tiny client for marsad's JSON API (same origin; the session cookie goes along), with the response types the UI reads.

export type Role = 'admin' | 'analyst' | 'viewer' | 'public';
export interface Me {
  name: string | null;
  role: Role;
  via: 'token' | 'session' | 'public';
}

export interface Span {
  start: number;
  end: number;
}
export interface Quote extends Span {
  text: string;
}
export type ClaimKind = 'incident' | 'toll' | 'victim';
export type ClaimStatus = 'proposed' | 'confirmed' | 'corrected' | 'rejected';

/** The current values of a claim: what the extractor proposed, with an analyst's correction laid over it. */
export interface ClaimData {
  kind?: ClaimKind;
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

export interface AuditReview {
  user: string;
  action: string;
  comment: string | null;
  at: string;
}
export interface Claim {
  id: string;
  claimId: number;
  report: string;
  extraction: string;
  ref: string;
  kind: ClaimKind;
  status: ClaimStatus;
  /** What the extractor proposed (null for viewers); `current` has an analyst's correction laid over it. */
  proposed: ClaimData | null;
  current: ClaimData;
  rules: string[];
  quotes: Quote[];
  decidedAt: string | null;
  decidedBy: string | null;
  reviews: AuditReview[];
}
export interface QueueItem extends Claim {
  outlet: string;
  published: string;
}
export interface ClaimsPage {
  items: QueueItem[];
  counts: Partial<Record<ClaimStatus, number>>;
  next: number | null;
}

export interface ReportView {
  id: string;
  reportId: number;
  outlet: string;
  url: string;
  published: string;
  language: string;
}
export interface ReportDetail {
  report: ReportView;
  body: string | null;
  extractions: { id: string; extractorVersion: string; createdAt: string; claims: Claim[] }[];
}
export interface Ingested {
  status: 'stored' | 'duplicate';
  report: string;
  reportId: number;
  claims: string[];
}

export interface Place {
  name: string;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  lat: number | null;
  lon: number | null;
}
export interface Incident {
  id: string;
  claimId: number;
  status: 'confirmed' | 'corrected';
  decidedAt: string | null;
  date: { start: string; end: string } | null;
  eventType: string | null;
  subEventType: string | null;
  places: Place[];
  actors: { name: string; type: string }[];
  fatalities: { low: number | null; best: number | null; high: number | null; byCategory: Record<string, number> };
  qualifier: string | null;
  injured: number | null;
  sources: { report: string; outlet: string; url: string; published: string; attributions: { source: string; verb: string }[]; quotes: Quote[] }[];
}
export interface Page<T> {
  items: T[];
  next: number | null;
}

export interface TallySource {
  kind: 'incident' | 'toll';
  claim: string;
  report: string;
  outlet: string;
  figure: number | null;
  role: string;
}
export interface TallyGroup {
  key: string;
  low: number;
  best: number;
  high: number;
  openEnded: boolean;
  events: number;
  sources: TallySource[];
  conflicts: { event: string[]; figures: { claim: string; report: string; outlet: string; best: number }[] }[];
}
export interface Tally {
  low: number;
  best: number;
  high: number;
  openEnded: boolean;
  groups: TallyGroup[];
  notes: string[];
  counted: { incidents: number; tolls: number; victims: number; mergedEvents: number };
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface LinkRecord {
  claim: string;
  report: string;
  outlet: string;
  status: string;
  date: string | null;
  place: string | null;
  summary: string;
}
export interface LinkPair {
  a: string;
  b: string;
  score: number | null;
  reasons: string[];
  proposed: boolean;
  decision: { verdict: 'merge' | 'split'; by: string | null; at: string | null; comment: string | null } | null;
  records: [LinkRecord, LinkRecord];
}
export interface Links {
  pairs: LinkPair[];
}

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
  queue: (status: ClaimStatus = 'proposed') => call<ClaimsPage>('GET', `/api/claims${query({ status, limit: 500 })}`),
  report: (id: string) => call<ReportDetail>('GET', `/api/reports/${encodeURIComponent(id)}`),
  decide: (id: string, action: 'confirm' | 'reject' | 'correct', body: { comment?: string; patch?: Record<string, unknown>; redecide?: boolean } = {}) =>
    call<{ claim: Claim }>('POST', `/api/claims/${encodeURIComponent(id)}/${action}`, body),
  incidents: (f: Partial<Filters> & { after?: string }, limit = 500) => call<Page<Incident>>('GET', `/api/incidents${query({ ...f, limit })}`),
  tally: (f: Partial<Filters> & { by?: string }) => call<Tally>('GET', `/api/tally${query(f)}`),
  audit: (p: { entity?: string; entityId?: string; limit?: number } = {}) => call<Page<AuditEntry>>('GET', `/api/audit${query({ ...p, limit: p.limit ?? 1000 })}`),
  links: () => call<Links>('GET', '/api/links/incident'),
  decideLink: (a: string, b: string, verdict: 'merge' | 'split' | 'undo', comment?: string) =>
    call<{ verdict: string; by: string; at: string }>('POST', '/api/links/incident/decisions', { a, b, verdict, ...(comment ? { comment } : {}) }),
  openapi: () => call<{ paths?: Record<string, unknown> }>('GET', '/api/openapi.json'),
};

export const mayReview = (me: Me | null) => me?.role === 'analyst' || me?.role === 'admin';

export const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '–' : String(n));
export const range = (f: { low: number | null; best: number | null; high: number | null }) =>
  f.low !== null && f.high !== null && f.low !== f.high ? `${fmt(f.best)} (${fmt(f.low)}–${fmt(f.high)})` : f.high === null && f.low !== null ? `${fmt(f.best)}+` : fmt(f.best);
