// Incidents: reviewed incident claims (confirmed or corrected) with their sources, filtered by place, time, type, actor, category.
import { listIncidents } from '../../app/read-models.js';
import { route, type AnyRoute } from '../route.js';
import { incidentsPage, incidentsQuery } from '../schemas.js';
import type { RouteContext } from './context.js';

export function incidentRoutes({ deps }: RouteContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/incidents',
      tag: 'incidents',
      summary: 'Reviewed incidents with their sources, oldest claim first; every reader sees these',
      access: 'read',
      what: 'read incidents',
      query: incidentsQuery,
      response: incidentsPage,
      handler: ({ query }) =>
        listIncidents(deps, { place: query.place, from: query.from, to: query.to, type: query.type, actor: query.actor, category: query.category, afterId: query.after, limit: query.limit }),
    }),
  ];
}
