// Use case: restore a `marsad export --format json` dump into an empty store (same ids, reviews and audit chain).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { MarsadError } from '../domain/errors.js';
import { restoreDump, type RestoreResult } from '../store/dump.js';
import type { AppDeps } from './deps.js';

export interface ImportJsonProgress {
  /** Rows restored so far. */
  onRows?: (rows: number) => void;
  /** Bytes of the dump read so far. */
  onBytes?: (bytes: number) => void;
}

export async function importJson(deps: AppDeps, file: string, progress: ImportJsonProgress = {}): Promise<RestoreResult> {
  const input = createReadStream(file);
  let bytes = 0;
  if (progress.onBytes) input.on('data', (chunk: Buffer | string) => progress.onBytes!((bytes += chunk.length)));
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    return await restoreDump(deps.store, lines, progress.onRows);
  } catch (err) {
    if (err instanceof MarsadError) throw err;
    throw new MarsadError('invalid_input', `${file}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    lines.close();
  }
}
