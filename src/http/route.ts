// One route = one declaration: method, path, access, zod schemas both ways; mounting it validates and records it for OpenAPI.
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { checkAccess, type Access, type Env, type Principal } from './auth.js';
import { ApiError, issuesOf } from './errors.js';

export const JSON_LIMIT = 1024 * 1024;

type Empty = z.ZodObject<{}>;

export interface Upload {
  maxBytes: number;
  /** Documented request bodies other than JSON, by media type. */
  media: Record<string, { description: string; schema: Record<string, unknown> }>;
}

export interface RouteDef<P extends z.ZodType = Empty, Q extends z.ZodType = Empty, B extends z.ZodType = z.ZodType<undefined>, R extends z.ZodType = z.ZodType> {
  method: 'get' | 'post';
  /** hono syntax: /api/claims/:id */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  /** The act, for 401/403 messages: "review claims". */
  what: string;
  params?: P;
  query?: Q;
  /** A JSON body, at most JSON_LIMIT bytes; an empty body is parsed as `undefined`. */
  body?: B;
  /** The handler reads the body itself (uploads); the limit is still enforced before it runs. */
  upload?: Upload;
  status?: 200 | 201;
  response: R;
  handler(input: { c: Context<Env>; principal: Principal | null; params: z.output<P>; query: z.output<Q>; body: z.output<B> }): Promise<z.input<R> | Response>;
}

// Routes of differing schemas live in one list; the generics matter only inside each declaration.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any, any>;

/** Typed at the declaration, erased in the list. */
export function route<P extends z.ZodType = Empty, Q extends z.ZodType = Empty, B extends z.ZodType = z.ZodType<undefined>, R extends z.ZodType = z.ZodType>(def: RouteDef<P, Q, B, R>): AnyRoute {
  return def as AnyRoute;
}

function parseOr400<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ApiError(400, 'invalid_input', `the ${where} is not valid`, issuesOf(r.error));
  return r.data;
}

async function jsonBody(c: Context<Env>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new ApiError(415, 'unsupported_media_type', `send JSON with "Content-Type: application/json" (got ${type ? JSON.stringify(type.slice(0, 80)) : 'none'})`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ApiError(400, 'invalid_json', `the body is not valid JSON: ${(err as Error).message.slice(0, 200)}`);
  }
}

export function mount(app: Hono<Env>, def: AnyRoute): void {
  const limit = def.upload?.maxBytes ?? JSON_LIMIT;
  app.on(
    def.method.toUpperCase(),
    def.path,
    // Access before the body is read: a viewer's 20 MB upload is refused without reading it.
    async (c, next) => {
      checkAccess(def.access, c.get('principal'), def.what);
      await next();
    },
    bodyLimit({
      maxSize: limit,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `the request body is over ${(limit / 1024 / 1024).toFixed(0)} MB, the limit for ${def.method.toUpperCase()} ${def.path}`);
      },
    }),
    async (c) => {
      const params = def.params ? parseOr400(def.params, c.req.param(), 'path') : {};
      const query = def.query ? parseOr400(def.query, c.req.query(), 'query') : {};
      const body = def.body ? parseOr400(def.body, await jsonBody(c), 'body') : undefined;
      const out = await def.handler({ c, principal: c.get('principal'), params, query, body });
      if (out instanceof Response) return out;
      // Responses are parsed too: unknown keys are stripped, so a field never leaks just because a use case added it.
      const checked = def.response.safeParse(out);
      if (!checked.success) throw new Error(`response of ${def.method.toUpperCase()} ${def.path} does not fit its schema: ${JSON.stringify(issuesOf(checked.error).slice(0, 5))}`);
      return c.json(checked.data as object, (def.status ?? 200) as ContentfulStatusCode);
    },
  );
}
