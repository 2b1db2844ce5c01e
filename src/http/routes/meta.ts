// The service itself: a health check, and the OpenAPI document of every mounted route.
import { z } from 'zod';
import { openApiDocument } from '../openapi.js';
import { route, type AnyRoute } from '../route.js';
import { health } from '../schemas.js';
import type { RouteContext } from './context.js';

export const API_VERSION = '0.1.0';

/** `all` is the final route list (these two included), read when the document is first asked for. */
export function metaRoutes({ deps, publicMode }: RouteContext, all: () => readonly AnyRoute[]): AnyRoute[] {
  let doc: Record<string, unknown> | null = null;
  return [
    route({
      method: 'get',
      path: '/api/health',
      tag: 'meta',
      summary: 'Is the server up and its store reachable',
      access: 'open',
      what: 'check health',
      response: health,
      handler: async () => {
        await deps.store.query('SELECT 1');
        return { ok: true as const, engine: deps.store.engine, public: publicMode };
      },
    }),
    route({
      method: 'get',
      path: '/api/openapi.json',
      tag: 'meta',
      summary: 'This document (OpenAPI 3.1)',
      access: 'open',
      what: 'read the API description',
      response: z.record(z.string(), z.unknown()),
      handler: async ({ c }) => c.json((doc ??= openApiDocument(all(), { version: API_VERSION, publicMode }))),
    }),
  ];
}
