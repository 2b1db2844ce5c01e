// Use case: import an ACLED export (2020 or 2023 layout). Each distinct event_id_cnty becomes a report (the notes, the
// source list as outlet, the event date as published; byte-exact, so the same row again is a duplicate) and a
// confirmed incident claim carrying ACLED's coding, reviewed by the system user import:acled and audited.
import { parseAcledRow, readAcledHeader, type AcledHeader } from '../io/acled.js';
import { runCsvImport, type CsvImportInput, type CsvImportOutput, type RowMapper } from './csv-import.js';
import type { AppDeps } from './deps.js';

export const ACLED_IMPORT_VERSION = 'import:acled/1';

export const acledMapper: RowMapper<AcledHeader> = {
  source: 'acled',
  version: ACLED_IMPORT_VERSION,
  header: (cells) => readAcledHeader(cells),
  row(header, cells) {
    const r = parseAcledRow(header, cells);
    if (!r.ok) return r;
    return {
      ok: true,
      row: {
        key: r.row.key,
        reportText: r.row.reportText,
        outlet: /^outlet: (.*)$/m.exec(r.row.reportText)![1]!,
        published: r.row.day,
        kind: 'incident',
        data: r.row.claim as unknown as Record<string, unknown>,
      },
    };
  },
  changed(before, after) {
    const a = ((before.acled as { raw?: Record<string, string> } | undefined)?.raw ?? {}) as Record<string, string>;
    const b = ((after.acled as { raw?: Record<string, string> } | undefined)?.raw ?? {}) as Record<string, string>;
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
  },
};

export function importAcled(deps: AppDeps, input: CsvImportInput): Promise<CsvImportOutput> {
  return runCsvImport(deps, acledMapper, input);
}
