// Users and sessions: add a user (admin; the token is returned once), list users, who am I, log in and out of the UI.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { addUser, authenticate } from '../../app/users.js';
import { listUsers } from '../../store/users.js';
import { SESSION_COOKIE, type Env } from '../auth.js';
import { ApiError } from '../errors.js';
import { route, type AnyRoute } from '../route.js';
import { loginBody, me, userBody, userList, userOut } from '../schemas.js';
import { z } from 'zod';
import type { RouteContext } from './context.js';

/** The peer address of the TCP connection; X-Forwarded-For is not trusted (a client could send any). */
function clientIp(c: Context<Env>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function userRoutes({ deps, sessions, loginLimiter }: RouteContext): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/users',
      tag: 'users',
      summary: 'Add a user (admins); the token is in this response only, and only its SHA-256 is stored',
      access: 'admin',
      what: 'add users',
      body: userBody,
      status: 201,
      response: userOut,
      handler: ({ body, principal }) => addUser(deps, { name: body.name, role: body.role, by: principal!.kind === 'user' ? principal!.name : null }),
    }),
    route({
      method: 'get',
      path: '/api/users',
      tag: 'users',
      summary: 'List users and their roles (admins)',
      access: 'admin',
      what: 'list users',
      response: userList,
      handler: async () => ({ items: (await listUsers(deps.store)).map((u) => ({ name: u.name, role: u.role, createdAt: u.created_at, createdBy: u.created_by })) }),
    }),
    route({
      method: 'get',
      path: '/api/me',
      tag: 'users',
      summary: 'Who the request is made as: a user and role, or the public (with --public)',
      access: 'read',
      what: 'ask who they are',
      response: me,
      handler: async ({ principal }) => (principal!.kind === 'user' ? { name: principal!.name, role: principal!.role, via: principal!.via } : { name: null, role: 'public' as const, via: 'public' as const }),
    }),
    route({
      method: 'post',
      path: '/api/login',
      tag: 'users',
      summary: 'Exchange a token for a session cookie (HttpOnly, SameSite=Strict) for the web UI; 10 attempts a minute per address',
      access: 'open',
      what: 'log in',
      body: loginBody,
      response: me,
      handler: async ({ c, body }) => {
        const wait = loginLimiter.hit(clientIp(c));
        if (wait !== null) {
          c.header('Retry-After', String(wait));
          throw new ApiError(429, 'rate_limited', `too many login attempts from this address; try again in ${wait} s`);
        }
        const user = await authenticate(deps, body.token);
        if (!user) throw new ApiError(401, 'unauthenticated', 'unknown token');
        const old = getCookie(c, SESSION_COOKIE);
        if (old) sessions.drop(old);
        setCookie(c, SESSION_COOKIE, sessions.create(user.name), {
          httpOnly: true,
          sameSite: 'Strict',
          path: '/api',
          secure: new URL(c.req.url).protocol === 'https:',
          maxAge: 12 * 60 * 60,
        });
        return { name: user.name, role: user.role, via: 'session' as const };
      },
    }),
    route({
      method: 'post',
      path: '/api/logout',
      tag: 'users',
      summary: 'End the session of this cookie',
      access: 'open',
      what: 'log out',
      response: z.object({ ok: z.literal(true) }),
      handler: async ({ c }) => {
        const sid = getCookie(c, SESSION_COOKIE);
        if (sid) sessions.drop(sid);
        deleteCookie(c, SESSION_COOKIE, { path: '/api' });
        return { ok: true as const };
      },
    }),
  ];
}
