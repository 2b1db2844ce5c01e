// The audit log: its entries (analysts and admins) and a check of its hash chain (anyone who may read).
import { verifyAudit } from '../../app/audit.js';
import { listAudit } from '../../app/read-models.js';
import { route, type AnyRoute } from '../route.js';
import { auditPage, auditQuery, auditVerify } from '../schemas.js';
import type { RouteContext } from './context.js';

export function auditRoutes({ deps }: RouteContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/audit',
      tag: 'audit',
      summary: 'Audit entries, oldest first, filtered by entity, entity id (c12, r3, a user name) or actor (analysts and admins)',
      access: 'review',
      what: 'read the audit log',
      query: auditQuery,
      response: auditPage,
      handler: ({ query }) => listAudit(deps, { afterSeq: query.after, limit: query.limit, entity: query.entity, entityId: query.entityId, actor: query.actor }),
    }),
    route({
      method: 'get',
      path: '/api/audit/verify',
      tag: 'audit',
      summary: 'Recompute the hash chain end to end; names the first entry that does not fit',
      access: 'read',
      what: 'verify the audit log',
      response: auditVerify,
      handler: () => verifyAudit(deps),
    }),
  ];
}
