// The HTTP API as a hono app: security headers, the principal of each request, every route of routes/, the UI, one error handler.
import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { principalMiddleware, RateLimiter, Sessions, type Env } from './auth.js';
import { ApiError, handleError } from './errors.js';
import { mount, type AnyRoute } from './route.js';
import { auditRoutes } from './routes/audit.js';
import { claimRoutes } from './routes/claims.js';
import type { RouteContext } from './routes/context.js';
import { incidentRoutes } from './routes/incidents.js';
import { linkRoutes } from './routes/links.js';
import { exportRoutes } from './routes/exports.js';
import { metaRoutes } from './routes/meta.js';
import { reportRoutes } from './routes/reports.js';
import { tollRoutes } from './routes/tolls.js';
import { userRoutes } from './routes/users.js';
import { mountStatic } from './static.js';

export interface AppOptions {
  /** Unauthenticated read-only access to reviewed data. */
  publicMode?: boolean;
  /** The built web UI; null or a folder without index.html serves the API only. */
  webDir?: string | null;
  /** Login attempts per address and window (default 10 a minute). */
  loginLimit?: { max: number; windowMs: number };
}

export interface ApiApp {
  app: Hono<Env>;
  routes: readonly AnyRoute[];
}

/** API responses are data, never a page: nothing in them may run, be framed, or be cached on the way. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function createApp(deps: AppDeps, opts: AppOptions = {}): ApiApp {
  const publicMode = opts.publicMode ?? false;
  const limit = opts.loginLimit ?? { max: 10, windowMs: 60_000 };
  const ctx: RouteContext = { deps, sessions: new Sessions(), loginLimiter: new RateLimiter(limit.max, limit.windowMs), publicMode };
  const app = new Hono<Env>();
  app.onError(handleError);
  app.notFound((c) => handleError(new ApiError(404, 'not_found', `no route ${c.req.method} ${new URL(c.req.url).pathname}`), c));

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    if (new URL(c.req.url).pathname.startsWith('/api')) {
      c.header('Content-Security-Policy', API_CSP);
      c.header('Cache-Control', 'no-store');
    }
  });
  app.use('/api/*', principalMiddleware(deps, ctx.sessions, publicMode));

  const routes: AnyRoute[] = [];
  routes.push(...metaRoutes(ctx, () => routes), ...userRoutes(ctx), ...reportRoutes(ctx), ...claimRoutes(ctx), ...incidentRoutes(ctx), ...linkRoutes(ctx), ...tollRoutes(ctx), ...exportRoutes(ctx), ...auditRoutes(ctx));
  for (const r of routes) mount(app, r);
  mountStatic(app, opts.webDir ?? null);
  return { app, routes };
}
