// The built web UI (dist/web) if there is one: files as they are, index.html for any other non-API GET, a strict CSP.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Hono } from 'hono';
import type { Env } from './auth.js';
import { ApiError } from './errors.js';

/** Everything from this origin only: no CDN, no tiles, no fonts from elsewhere, no inline script, no framing. */
export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

export function mountStatic(app: Hono<Env>, webDir: string | null): void {
  const root = webDir && existsSync(join(webDir, 'index.html')) ? resolve(webDir) : null;
  app.on(['GET', 'HEAD'], '*', async (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    if (path === '/api' || path.startsWith('/api/')) throw new ApiError(404, 'not_found', `no API route ${c.req.method} ${path}`);
    if (!root) throw new ApiError(404, 'not_found', 'no web UI is built here (dist/web is missing); the API is under /api');
    // Resolved inside the root or not at all: "..", absolute paths and NUL bytes lead nowhere.
    const candidate = resolve(root, '.' + normalize('/' + path));
    const inside = candidate === root || candidate.startsWith(root + sep);
    const isFile = inside && !path.includes('\0') && existsSync(candidate) && statSync(candidate).isFile();
    const file = isFile ? candidate : join(root, 'index.html');
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    c.header('Content-Security-Policy', UI_CSP);
    c.header('Cache-Control', file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600');
    c.header('Content-Type', type);
    return c.req.method === 'HEAD' ? c.body(null) : c.body(new Uint8Array(await readFile(file)));
  });
}
