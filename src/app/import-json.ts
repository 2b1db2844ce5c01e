// Use case: restore a `marsad export --format json` dump into an empty store (same ids, reviews and audit chain).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { MarsadError } from '../domain/errors.js';
import { restoreDump, type RestoreResult } from '../store/dump.js';
import type { AppDeps } from './deps.js';

export async function importJson(deps: AppDeps, file: string, onRows?: (n: number) => void): Promise<RestoreResult> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  try {
    return await restoreDump(deps.store, lines, onRows);
  } catch (err) {
    if (err instanceof MarsadError) throw err;
    throw new MarsadError('invalid_input', `${file}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    lines.close();
  }
}
