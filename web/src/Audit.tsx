// The audit log (analysts and admins): who did what to which record, oldest first, and whether the hash chain holds.
import { useEffect, useState } from 'preact/hooks';
import { api, type AuditEntry } from './api.js';

/** A decision's gist first (its comment, a corrected figure), then the record, shortened. */
const gist = (v: unknown) => {
  if (typeof v !== 'object' || v === null) return '';
  const o = v as { comment?: unknown; corrected?: { fatalities?: { low?: unknown; best?: unknown; high?: unknown } } | null };
  const parts: string[] = [];
  const f = o.corrected?.fatalities;
  if (f) parts.push(`fatalities: best ${String(f.best ?? '–')} (low ${String(f.low ?? '–')}, high ${String(f.high ?? '–')})`);
  if (typeof o.comment === 'string') parts.push(`“${o.comment}”`);
  return parts.join(' · ');
};

const brief = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
};

export function AuditPage() {
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [filter, setFilter] = useState('');
  const [chain, setChain] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.audit(filter.trim() ? { entityId: filter.trim() } : {}).then((p) => setItems(p.items), (e: Error) => setError(e.message));
  }, [filter]);
  useEffect(() => {
    fetch('/api/audit/verify')
      .then((r) => r.json() as Promise<{ ok: boolean; entries: number }>)
      .then((v) => setChain(v.ok ? `hash chain intact over ${v.entries} entries` : 'hash chain BROKEN'), () => undefined);
  }, []);
  return (
    <section>
      <h1>Audit log</h1>
      <p class="muted" data-testid="chain">
        {chain}
      </p>
      <label>
        Record <input name="entityId" value={filter} placeholder="c12, r3 or a user" onChange={(e) => setFilter(e.currentTarget.value)} />
      </label>
      {error && <p class="error">{error}</p>}
      <table class="data small" data-testid="audit">
        <thead>
          <tr>
            <th>#</th>
            <th>When</th>
            <th>Who</th>
            <th>Action</th>
            <th>Record</th>
            <th>Before</th>
            <th>After</th>
          </tr>
        </thead>
        <tbody>
          {items?.map((e) => (
            <tr key={e.seq} data-action={e.action} data-entity={e.entityId}>
              <td>{e.seq}</td>
              <td>{e.at.slice(0, 19).replace('T', ' ')}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td>{e.entityId}</td>
              <td class="json">{brief(e.before)}</td>
              <td class="json">
                {gist(e.after) && <div class="gist">{gist(e.after)}</div>}
                {brief(e.after)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
