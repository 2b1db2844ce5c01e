// Users and their roles; a token is stored only as its SHA-256.
import type { Sql } from './store.js';

export const ROLES = ['admin', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface UserRow {
  name: string;
  role: Role;
  token_hash: string;
  created_at: string;
  created_by: string;
}

export async function insertUser(tx: Sql, u: UserRow): Promise<boolean> {
  const rows = await tx.query<{ name: string }>(
    'INSERT INTO users (name, role, token_hash, created_at, created_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO NOTHING RETURNING name',
    [u.name, u.role, u.token_hash, u.created_at, u.created_by],
  );
  return rows.length === 1;
}

export async function getUser(sql: Sql, name: string): Promise<UserRow | null> {
  const rows = await sql.query<UserRow>('SELECT * FROM users WHERE name = $1', [name]);
  return rows[0] ?? null;
}

export async function getUserByTokenHash(sql: Sql, tokenHash: string): Promise<UserRow | null> {
  const rows = await sql.query<UserRow>('SELECT * FROM users WHERE token_hash = $1', [tokenHash]);
  return rows[0] ?? null;
}

export async function listUsers(sql: Sql): Promise<UserRow[]> {
  return sql.query<UserRow>('SELECT * FROM users ORDER BY name');
}
