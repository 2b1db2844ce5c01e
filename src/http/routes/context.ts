// What every route module gets from the app: the use cases' deps, the session store, the login limiter, the mode.
import type { AppDeps } from '../../app/deps.js';
import type { RateLimiter, Sessions } from '../auth.js';

export interface RouteContext {
  deps: AppDeps;
  sessions: Sessions;
  loginLimiter: RateLimiter;
  publicMode: boolean;
}
