// Who may do what: roles are checked in the use cases, so the CLI and the HTTP API enforce the same rules.
import { MarsadError } from '../domain/errors.js';
import type { Sql } from '../store/store.js';
import { getUser, type Role, type UserRow } from '../store/users.js';

export const MAY_REVIEW: readonly Role[] = ['admin', 'analyst'];
export const MAY_ADMINISTER: readonly Role[] = ['admin'];

export async function requireRole(sql: Sql, name: string, roles: readonly Role[], what: string): Promise<UserRow> {
  const user = await getUser(sql, name);
  if (!user) throw new MarsadError('not_found', `no user "${name}" (add one with: marsad user add ${name} --role analyst)`);
  if (!roles.includes(user.role)) throw new MarsadError('forbidden', `${name} is ${user.role === 'admin' ? 'an' : 'a'} ${user.role} and may not ${what} (needs ${roles.join(' or ')})`);
  return user;
}
