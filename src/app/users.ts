// Use cases: add a user (the token is shown once and stored only as its SHA-256) and find a user by token.
import { randomBytes } from 'node:crypto';
import { MarsadError } from '../domain/errors.js';
import { appendAudit } from '../store/audit.js';
import { sha256Hex } from '../store/canonical-json.js';
import { getUserByTokenHash, insertUser, ROLES, type Role, type UserRow } from '../store/users.js';
import { MAY_ADMINISTER, requireRole } from './auth.js';
import type { AppDeps } from './deps.js';

export interface AddUserInput {
  name: string;
  role: Role;
  /** The admin adding the user; null for the local operator (whoever holds the data directory or DATABASE_URL). */
  by: string | null;
  /** Recorded as the actor when `by` is null, e.g. "local:alice". */
  operator?: string;
}

export interface AddUserOutput {
  name: string;
  role: Role;
  /** Shown once; only its SHA-256 is stored. */
  token: string;
}

export async function addUser(deps: AppDeps, input: AddUserInput): Promise<AddUserOutput> {
  if (!ROLES.includes(input.role)) throw new MarsadError('invalid_input', `role "${input.role}" is not one of ${ROLES.join(', ')}`);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(input.name)) throw new MarsadError('invalid_input', `user name "${input.name}" must be 1–64 letters, digits, ".", "_" or "-"`);
  const token = `mrs_${randomBytes(24).toString('base64url')}`;
  const at = deps.now();
  const actor = input.by ?? input.operator ?? 'local';
  await deps.store.transaction(async (tx) => {
    if (input.by !== null) await requireRole(tx, input.by, MAY_ADMINISTER, 'add users');
    const added = await insertUser(tx, { name: input.name, role: input.role, token_hash: sha256Hex(token), created_at: at, created_by: actor });
    if (!added) throw new MarsadError('conflict', `user "${input.name}" exists already`);
    await appendAudit(tx, [{ at, actor, action: 'user.add', entity: 'user', entityId: input.name, before: null, after: { name: input.name, role: input.role } }]);
  });
  return { name: input.name, role: input.role, token };
}

export async function authenticate(deps: AppDeps, token: string): Promise<Omit<UserRow, 'token_hash'> | null> {
  const user = await getUserByTokenHash(deps.store, sha256Hex(token));
  if (!user) return null;
  const { token_hash: _, ...rest } = user;
  return rest;
}
