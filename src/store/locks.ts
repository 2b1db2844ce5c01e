// Advisory lock keys: they serialise migrations and audit appends across processes sharing one PostgreSQL server.
export const MIGRATION_LOCK = 7_304_801;
export const AUDIT_LOCK = 7_304_802;
