// The OpenAPI 3.1 document, made from the mounted routes' zod schemas (zod v4's toJSONSchema), so it cannot drift from them.
import { z } from 'zod';
import { errorBody } from './errors.js';
import type { AnyRoute } from './route.js';

type Json = Record<string, unknown>;

/** Schemas with a `meta({ id })` come out as $defs; they are hoisted into components and referenced from there. */
function convert(schema: z.ZodType, io: 'input' | 'output', components: Json): Json {
  const js = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  const defs = (js.$defs ?? {}) as Record<string, Json>;
  delete js.$defs;
  delete js.$schema;
  for (const [id, def] of Object.entries(defs)) components[id] ??= relink(def);
  return relink(js);
}

function relink<T>(v: T): T {
  if (Array.isArray(v)) return v.map(relink) as T;
  if (v && typeof v === 'object') {
    const out: Json = {};
    for (const [k, x] of Object.entries(v)) out[k] = k === '$ref' && typeof x === 'string' ? x.replace('#/$defs/', '#/components/schemas/') : relink(x);
    return out as T;
  }
  return v;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query', components: Json): Json[] {
  if (!schema) return [];
  const js = convert(schema, 'input', components);
  const required = new Set((js.required ?? []) as string[]);
  return Object.entries((js.properties ?? {}) as Record<string, Json>).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

const ERRORS: Record<number, string> = {
  400: 'invalid input (code invalid_input, invalid_json or a report format code)',
  401: 'no credentials, or a token that is unknown (unauthenticated)',
  403: 'the role may not do this (forbidden)',
  404: 'nothing there (not_found)',
  409: 'decided already, or exists already (conflict)',
  413: 'the body is over the limit (payload_too_large)',
  415: 'a body of another media type (unsupported_media_type)',
  429: 'too many attempts (rate_limited)',
  500: 'internal error; details are in the server log, never in the response',
};

function errorsOf(r: AnyRoute): number[] {
  const codes = [500];
  if (r.params || r.query || r.body || r.upload) codes.push(400);
  if (r.access !== 'open') codes.push(401);
  if (r.access === 'review' || r.access === 'admin' || r.access === 'read') codes.push(403);
  if (r.params) codes.push(404);
  if (r.method === 'post' && r.access !== 'open') codes.push(409);
  if (r.body || r.upload) codes.push(413, 415);
  if (r.path === '/api/login') codes.push(429);
  return codes.sort();
}

export function openApiDocument(routes: readonly AnyRoute[], info: { version: string; publicMode: boolean }): Json {
  const components: Json = {};
  const errorRef = { $ref: `#/components/schemas/Error` };
  components.Error = convert(errorBody, 'output', components);
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const op: Json = {
      operationId: `${r.method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      'x-marsad-access': r.access,
      security: r.access === 'open' ? [] : [{ bearer: [] }, { session: [] }, ...(r.access === 'read' && info.publicMode ? [{}] : [])],
      parameters: [...parameters(r.params, 'path', components), ...parameters(r.query, 'query', components)],
      responses: {
        [String(r.status ?? 200)]: { description: 'success', content: { 'application/json': { schema: convert(r.response, 'output', components) } } },
        ...Object.fromEntries(errorsOf(r).map((s) => [String(s), { description: ERRORS[s], content: { 'application/json': { schema: errorRef } } }])),
      },
    };
    const content: Json = {};
    if (r.body) content['application/json'] = { schema: convert(r.body, 'input', components) };
    for (const [media, m] of Object.entries(r.upload?.media ?? {})) content[media] = { schema: m.schema, description: m.description };
    if (Object.keys(content).length) op.requestBody = { required: !r.body?.safeParse(undefined).success, content };
    paths[path] = { ...(paths[path] ?? {}), [r.method]: op };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'marsad API',
      version: info.version,
      description:
        'Reports of violence in; a reviewed, deduplicated, sourced record out. Errors are `{ "error": { "code", "message", "details?" } }` with a stable code. ' +
        'Viewers (and the public, with --public) read reviewed data only and never restricted fields.',
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'a token printed by `marsad user add NAME --role ROLE` or POST /api/users' },
        session: { type: 'apiKey', in: 'cookie', name: 'marsad_session', description: 'set by POST /api/login' },
      },
    },
  };
}
