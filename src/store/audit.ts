// The append-only, hash-chained audit log: append entries inside the caller's transaction; verify the whole chain.
import { canonicalJson, sha256Hex } from './canonical-json.js';
import { AUDIT_LOCK } from './locks.js';
import type { Sql } from './store.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  at: string;
  actor: string;
  /** e.g. report.ingest, claim.confirm, claim.correct, claim.reject, user.add, extraction.add */
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry extends AuditInput {
  seq: number;
  prevHash: string;
  hash: string;
}

/** What is hashed: every stored field but the hashes, as canonical JSON. */
export function entryHash(prevHash: string, e: Omit<AuditEntry, 'prevHash' | 'hash'>): string {
  const body = { seq: e.seq, at: e.at, actor: e.actor, action: e.action, entity: e.entity, entityId: e.entityId, before: e.before ?? null, after: e.after ?? null };
  return sha256Hex(prevHash + canonicalJson(body));
}

/**
 * Appends entries after the current head. Must run inside the transaction of the change it records, so the change
 * and its audit entry commit together. The advisory lock serialises writers until commit, so no two transactions
 * chain onto the same head.
 */
export async function appendAudit(tx: Sql, inputs: readonly AuditInput[]): Promise<AuditEntry[]> {
  if (inputs.length === 0) return [];
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const head = await tx.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const seqs = await tx.query<{ seq: number }>(
    "SELECT nextval(pg_get_serial_sequence('audit_log', 'seq')) AS seq FROM generate_series(1, $1::int)",
    [inputs.length],
  );
  const ordered = seqs.map((r) => r.seq).sort((a, b) => a - b);
  let prevHash = head[0]?.hash ?? GENESIS_HASH;
  const entries = inputs.map((input, i) => {
    // Store exactly what is hashed: the canonical form, parsed back (drops undefined, normalises Dates).
    const e = { ...input, before: normalise(input.before), after: normalise(input.after), seq: ordered[i]! };
    const hash = entryHash(prevHash, e);
    const entry: AuditEntry = { ...e, prevHash, hash };
    prevHash = hash;
    return entry;
  });
  await tx.copyRows(
    'audit_log',
    [{ name: 'seq' }, { name: 'at' }, { name: 'actor' }, { name: 'action' }, { name: 'entity' }, { name: 'entity_id' }, { name: 'before', cast: 'jsonb' }, { name: 'after', cast: 'jsonb' }, { name: 'prev_hash' }, { name: 'hash' }],
    entries.map((e) => [e.seq, e.at, e.actor, e.action, e.entity, e.entityId, e.before === null ? null : canonicalJson(e.before), e.after === null ? null : canonicalJson(e.after), e.prevHash, e.hash]),
  );
  return entries;
}

function normalise(v: unknown): unknown {
  return v === undefined || v === null ? null : JSON.parse(canonicalJson(v));
}

export type AuditBreak = { seq: number; reason: 'hash_mismatch' | 'broken_link'; expected: string; found: string };

export interface ChainReport {
  entries: number;
  head: string;
  firstBreak: AuditBreak | null;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

const PAGE = 2000;

/** Recomputes every hash in seq order, a page at a time, and stops at the first entry that does not fit. */
export async function verifyChain(sql: Sql): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let entries = 0;
  for (;;) {
    const rows = await sql.query<AuditRow>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [lastSeq, PAGE]);
    for (const r of rows) {
      if (r.prev_hash !== prevHash) return { entries, head: prevHash, firstBreak: { seq: r.seq, reason: 'broken_link', expected: prevHash, found: r.prev_hash } };
      const expected = entryHash(prevHash, { seq: r.seq, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after });
      if (expected !== r.hash) return { entries, head: prevHash, firstBreak: { seq: r.seq, reason: 'hash_mismatch', expected, found: r.hash } };
      prevHash = r.hash;
      lastSeq = r.seq;
      entries++;
    }
    if (rows.length < PAGE) return { entries, head: prevHash, firstBreak: null };
  }
}
