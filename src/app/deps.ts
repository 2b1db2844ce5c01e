// What every use case needs from the outside world, passed in explicitly (tests swap the extractor and the clock).
import type { Extraction, Report } from '../domain/types.js';
import { extract } from '../extract/index.js';
import type { Store } from '../store/store.js';
import { extractorVersion } from './extractor-version.js';

export interface AppDeps {
  store: Store;
  extract(report: Report): Extraction;
  /** Tags each extraction so re-extraction can tell which reports an improved extractor has not seen. */
  extractorVersion: string;
  /** ISO 8601 timestamps, generated here rather than by the database, so audit hashes cover exactly what is stored. */
  now(): string;
}

export async function defaultDeps(store: Store): Promise<AppDeps> {
  return { store, extract, extractorVersion: await extractorVersion(), now: () => new Date().toISOString() };
}
