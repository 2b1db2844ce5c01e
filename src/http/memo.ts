// Results of expensive reads, kept while the record they were computed from is unchanged.
//
// The version is the audit log's head hash: every change to the record (ingest, review, correction, link decision,
// import, re-extraction) appends an audit entry in its own transaction, and appends are serialised by an advisory
// lock, so the head changes with every committed change, whichever process made it (several servers can share one
// PostgreSQL). A new version drops every entry of the old one.

export class VersionedMemo<V> {
  private version: string | null = null;
  /** Insertion order is recency order: a hit is moved to the end, the first entry is the least recently used. */
  private readonly entries = new Map<string, Promise<V>>();

  constructor(private readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`VersionedMemo: maxEntries must be a positive integer, got ${maxEntries}`);
  }

  /**
   * The value for `key` at `version`: computed once, shared by every caller asking while it is computed (ten
   * viewers opening the same tally start one computation, not ten). A failed computation is not kept.
   */
  get(key: string, version: string, compute: () => Promise<V>): Promise<V> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    value.catch(() => {
      if (this.entries.get(key) === value) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
