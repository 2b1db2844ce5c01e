// Exports over HTTP: the same streamed use case as `marsad export`; readers get reviewed incidents, only admins the full dump.
import { PassThrough, Readable } from 'node:stream';
import { z } from 'zod';
import { EXPORT_FORMATS, exportRecords, type ExportFormat } from '../../app/export.js';
import { reviews } from '../auth.js';
import { ApiError } from '../errors.js';
import { route, type AnyRoute } from '../route.js';
import { day, flag } from '../schemas.js';
import type { RouteContext } from './context.js';

const MEDIA: Record<ExportFormat, { type: string; extension: string }> = {
  acled: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  ucdp: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  geojson: { type: 'application/geo+json', extension: 'geojson' },
  json: { type: 'application/x-ndjson', extension: 'jsonl' },
};

export function exportRoutes({ deps }: RouteContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/export/:format',
      tag: 'exports',
      summary: 'Reviewed incidents as ACLED CSV, UCDP GED CSV, GeoJSON or a flat CSV; the full JSON dump is for admins',
      access: 'read',
      what: 'export data',
      params: z.object({ format: z.enum(EXPORT_FORMATS) }),
      query: z.object({ from: day.optional(), to: day.optional(), place: z.string().min(1).max(200).optional(), includeProposed: flag.optional() }),
      response: z.string().meta({ description: 'the file, streamed' }),
      handler: async ({ params, query, principal }) => {
        if (query.includeProposed && !reviews(principal)) throw new ApiError(403, 'forbidden', 'only analysts and admins may export unreviewed claims');
        // The dump holds every report's text and every unreviewed claim: it is a backup, not a publication.
        if (params.format === 'json' && !(principal?.kind === 'user' && principal.role === 'admin')) throw new ApiError(403, 'forbidden', 'only admins may download the full JSON dump');
        const out = new PassThrough();
        const done = exportRecords(deps, { format: params.format, out, from: query.from, to: query.to, place: query.place, includeProposed: query.includeProposed });
        done.then(() => out.end(), (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
        const media = MEDIA[params.format];
        return new Response(Readable.toWeb(out) as ReadableStream, {
          headers: { 'content-type': media.type, 'content-disposition': `attachment; filename="marsad-${params.format}.${media.extension}"` },
        });
      },
    }),
  ];
}
