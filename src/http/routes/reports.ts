// Reports: ingest one from JSON, a multipart upload or a raw body; list them; show one with its text and claims' spans.
import type { Context } from 'hono';
import { ingestReport } from '../../app/ingest.js';
import { claimRef, reportRef } from '../../app/ids.js';
import { showReport } from '../../app/show.js';
import { MAX_REPORT_BYTES, decodeReportBytes, parseReport, type ReportDefaults } from '../../domain/report-file.js';
import type { Env } from '../auth.js';
import { ApiError, issuesOf } from '../errors.js';
import { listReports } from '../../app/read-models.js';
import { route, type AnyRoute } from '../route.js';
import { ingestOut, reportBody, reportDetail, reportIdParam, reportMeta, reportsPage, reportsQuery } from '../schemas.js';
import type { RouteContext } from './context.js';

/** A 16 MB report plus room for multipart framing and the metadata fields. */
export const UPLOAD_LIMIT = MAX_REPORT_BYTES + 1024 * 1024;

const META_FIELDS = ['published', 'outlet', 'url', 'language'] as const;

function metaOf(values: Record<string, unknown>): ReportDefaults {
  const picked = Object.fromEntries(META_FIELDS.filter((k) => typeof values[k] === 'string' && values[k] !== '').map((k) => [k, values[k]]));
  const r = reportMeta.safeParse(picked);
  if (!r.success) throw new ApiError(400, 'invalid_input', 'the report metadata is not valid', issuesOf(r.error));
  return r.data;
}

/** The three ways a report arrives, as the bytes to store, the metadata to default to and a name for the source. */
async function readReport(c: Context<Env>): Promise<{ bytes: Uint8Array; defaults: ReportDefaults; source: string }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch (err) {
      throw new ApiError(400, 'invalid_json', `the body is not valid JSON: ${(err as Error).message.slice(0, 200)}`);
    }
    const r = reportBody.safeParse(raw);
    if (!r.success) throw new ApiError(400, 'invalid_input', 'the body is not valid', issuesOf(r.error));
    const { text, ...meta } = r.data;
    return { bytes: Buffer.from(text, 'utf8'), defaults: meta, source: 'api:json' };
  }
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      throw new ApiError(400, 'invalid_input', 'the multipart body cannot be read');
    }
    const file = form.get('file');
    if (!(file instanceof File)) throw new ApiError(400, 'invalid_input', 'the multipart body needs a "file" field holding the report file');
    const fields: Record<string, unknown> = {};
    for (const k of META_FIELDS) fields[k] = form.get(k) ?? undefined;
    const name = file.name.replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'upload';
    return { bytes: new Uint8Array(await file.arrayBuffer()), defaults: metaOf(fields), source: `api:upload:${name}` };
  }
  if (type.startsWith('text/plain') || type.startsWith('application/octet-stream')) {
    return { bytes: new Uint8Array(await c.req.arrayBuffer()), defaults: metaOf(c.req.query()), source: 'api:raw' };
  }
  throw new ApiError(415, 'unsupported_media_type', 'send a report as application/json, multipart/form-data (field "file") or text/plain');
}

export function reportRoutes({ deps }: RouteContext): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/reports',
      tag: 'reports',
      summary: 'Ingest a report (stored once by its bytes, extracted, its claims proposed for review)',
      description:
        'JSON {text, published, outlet, url?, language?}; or multipart/form-data with a report file in "file" (FORMAT.md: a header, a blank line, the body) and optional fields published, outlet, url, language; ' +
        'or the file as a text/plain body with those as query parameters. Header lines in the file win over the fields. 201 when stored, 200 when the same bytes were stored before.',
      access: 'review',
      what: 'add reports',
      upload: {
        maxBytes: UPLOAD_LIMIT,
        media: {
          'application/json': { description: 'a pasted report', schema: {} },
          'multipart/form-data': {
            description: 'a report file',
            schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, published: { type: 'string', format: 'date' }, outlet: { type: 'string' }, url: { type: 'string' }, language: { type: 'string' } } },
          },
          'text/plain': { description: 'a report file as the body; metadata as query parameters', schema: { type: 'string' } },
        },
      },
      status: 201,
      response: ingestOut,
      handler: async ({ c, principal }) => {
        const { bytes, defaults, source } = await readReport(c);
        // Checked here so a bad file is a 4xx with the format's own code, not a line in an ingest summary.
        parseReport(decodeReportBytes(bytes), defaults);
        const out = await ingestReport(deps, { source, bytes, defaults }, principal!.kind === 'user' ? principal!.name : 'public');
        if (out.status === 'failed') throw new ApiError(422, 'ingest_failed', out.error);
        const body = ingestOut.parse({
          status: out.status,
          report: reportRef(out.reportId),
          reportId: out.reportId,
          sha256: out.sha256,
          claims: out.status === 'stored' ? out.claimIds.map(claimRef) : [],
        });
        return c.json(body, out.status === 'stored' ? 201 : 200);
      },
    }),
    route({
      method: 'get',
      path: '/api/reports',
      tag: 'reports',
      summary: 'List reports, oldest first, with their claim counts',
      access: 'review',
      what: 'read report texts',
      query: reportsQuery,
      response: reportsPage,
      handler: ({ query }) => listReports(deps, { afterId: query.after, limit: query.limit }),
    }),
    route({
      method: 'get',
      path: '/api/reports/:id',
      tag: 'reports',
      summary: 'One report: metadata, body text, and every extraction with its claims and their quoted spans',
      description: 'Quotes are offsets into `body` (UTF-16 code units, as JavaScript strings index).',
      access: 'review',
      what: 'read report texts',
      params: reportIdParam,
      response: reportDetail,
      handler: ({ params }) => showReport(deps, { id: params.id }),
    }),
  ];
}
