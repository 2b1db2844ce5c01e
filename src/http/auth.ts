// Who is asking: a bearer token or a session cookie becomes a principal; routes state the access they need.
import { createHash, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps } from '../app/deps.js';
import { authenticate } from '../app/users.js';
import { getUser, type Role } from '../store/users.js';
import { ApiError } from './errors.js';

export type Principal =
  | { kind: 'user'; name: string; role: Role; via: 'token' | 'session' }
  /** Nobody logged in, on a server started with --public: reviewed data only, like a viewer. */
  | { kind: 'public' };

/**
 * open: anyone (health, openapi, login). read: any user, or anyone with --public; sees reviewed data only unless the
 * user reviews. review: analysts and admins. admin: admins.
 */
export type Access = 'open' | 'read' | 'review' | 'admin';

export const SESSION_COOKIE = 'marsad_session';
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const MAX_SESSIONS = 10_000;

export type Env = { Variables: { principal: Principal | null } };

/** Reviewers see proposed and rejected claims, report texts and the audit log; viewers and the public do not. */
export function reviews(p: Principal | null): boolean {
  return p?.kind === 'user' && (p.role === 'analyst' || p.role === 'admin');
}

/** Counting unreviewed claims (a tally or toll coverage with includeProposed) is a reviewer's view of the record. */
export function requireReviewerToIncludeProposed(p: Principal | null, includeProposed: boolean | undefined): void {
  if (includeProposed && !reviews(p)) throw new ApiError(403, 'forbidden', 'only analysts and admins may count unreviewed claims');
}

/**
 * Sessions live in this process's memory (a restart logs everyone out; several processes do not share them). The
 * cookie carries a random id; only its SHA-256 is kept, like tokens.
 */
export class Sessions {
  private readonly byHash = new Map<string, { name: string; expires: number }>();

  create(name: string, now = Date.now()): string {
    if (this.byHash.size >= MAX_SESSIONS) this.byHash.delete(this.byHash.keys().next().value!);
    const id = randomBytes(32).toString('base64url');
    this.byHash.set(hash(id), { name, expires: now + SESSION_TTL_MS });
    return id;
  }

  lookup(id: string, now = Date.now()): string | null {
    const s = this.byHash.get(hash(id));
    if (!s) return null;
    if (s.expires <= now) {
      this.byHash.delete(hash(id));
      return null;
    }
    return s.name;
  }

  drop(id: string): void {
    this.byHash.delete(hash(id));
  }
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/** A fixed window per key (the client's IP): enough to make guessing tokens by login pointless. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Counts one attempt; returns the seconds to wait when over the limit, else null. */
  hit(key: string, now = Date.now()): number | null {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 100_000) this.windows.clear();
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count > this.max ? Math.ceil((w.start + this.windowMs - now) / 1000) : null;
  }
}

/** Resolves the principal of every /api request; a token that is given but wrong is a 401 even in public mode. */
export function principalMiddleware(deps: AppDeps, sessions: Sessions, publicMode: boolean): MiddlewareHandler<Env> {
  return async (c, next) => {
    c.set('principal', await resolve(c, deps, sessions, publicMode));
    await next();
  };
}

async function resolve(c: Context<Env>, deps: AppDeps, sessions: Sessions, publicMode: boolean): Promise<Principal | null> {
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const m = /^Bearer ([A-Za-z0-9._~+/=-]{1,200})$/.exec(header.trim());
    if (!m) throw new ApiError(401, 'unauthenticated', 'the Authorization header must be "Bearer TOKEN"');
    const user = await authenticate(deps, m[1]!);
    if (!user) throw new ApiError(401, 'unauthenticated', 'unknown token');
    return { kind: 'user', name: user.name, role: user.role, via: 'token' };
  }
  const sid = getCookie(c, SESSION_COOKIE);
  if (sid) {
    const name = sessions.lookup(sid);
    const user = name === null ? null : await getUser(deps.store, name);
    if (user) {
      // SameSite=Strict keeps the cookie off cross-site requests; refusing a foreign Origin on writes is a second lock.
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
        const origin = c.req.header('origin');
        if (origin !== undefined && origin !== new URL(c.req.url).origin) throw new ApiError(403, 'forbidden', `requests from ${origin} may not use this session`);
      }
      return { kind: 'user', name: user.name, role: user.role, via: 'session' };
    }
  }
  return publicMode ? { kind: 'public' } : null;
}

const NEEDS: Record<Exclude<Access, 'open' | 'read'>, readonly Role[]> = { review: ['analyst', 'admin'], admin: ['admin'] };

/** 401 when nobody (or only the public) is asking for something that needs a user; 403 when the user's role is too low. */
export function checkAccess(access: Access, p: Principal | null, what: string): void {
  if (access === 'open') return;
  if (access === 'read') {
    if (p === null) throw new ApiError(401, 'unauthenticated', 'log in or send "Authorization: Bearer TOKEN"');
    return;
  }
  if (p === null || p.kind === 'public') throw new ApiError(401, 'unauthenticated', `log in or send "Authorization: Bearer TOKEN" to ${what}`);
  const roles = NEEDS[access];
  if (!roles.includes(p.role)) throw new ApiError(403, 'forbidden', `${p.name} is ${p.role === 'admin' ? 'an' : 'a'} ${p.role} and may not ${what} (needs ${roles.join(' or ')})`);
}
