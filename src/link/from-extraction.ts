// Adapters from an extraction (or stored claims) to linking records; ids are prefixed by the report so they are unique.
import type { Extraction, IncidentClaim, VictimClaim } from '../domain/types.js';
import type { LinkIncident, LinkVictim } from './types.js';

export function incidentRecord(reportId: string, outlet: string, c: IncidentClaim, victims: readonly VictimClaim[] = []): LinkIncident {
  return {
    id: `${reportId}#${c.id}`,
    reportId,
    outlet,
    date: c.date,
    datePrecision: c.datePrecision,
    places: c.places,
    eventType: c.eventType,
    actors: c.actors,
    fatalities: c.fatalities,
    figures: c.figures.filter((f) => f.outcome === 'killed').map((f) => f.value),
    victimNames: victims.filter((v) => v.incident === c.id).map((v) => v.name),
  };
}

export function victimRecord(reportId: string, c: VictimClaim): LinkVictim {
  return {
    id: `${reportId}#${c.id}`,
    reportId,
    name: c.name,
    sex: c.sex,
    age: c.age,
    date: c.date,
    place: c.place,
    incidentId: c.incident ? `${reportId}#${c.incident}` : null,
  };
}

/** All incident and victim records of one extraction. */
export function recordsOf(reportId: string, x: Extraction): { incidents: LinkIncident[]; victims: LinkVictim[] } {
  return {
    incidents: x.incidents.map((c) => incidentRecord(reportId, x.report.outlet, c, x.victims)),
    victims: x.victims.map((v) => victimRecord(reportId, v)),
  };
}
