// The stored claims as linking and tally records: ids are claim refs (c12), values are the corrected ones when corrected.
import type { Category, IncidentClaim, PlaceRef, TollClaim, VictimClaim } from '../domain/types.js';
import { incidentRecord, victimRecord } from '../link/from-extraction.js';
import type { LinkDecision, LinkIncident, LinkVictim } from '../link/types.js';
import type { TallyIncident, TallyToll } from '../tally/tally.js';
import type { ClaimStatus } from '../store/claims.js';
import { currentClaims, listLinkDecisions, type LinkableClaimRow, type LinkDecisionRow, type LinkKind } from '../store/links.js';
import type { Sql } from '../store/store.js';
import { claimRef, reportRef } from './ids.js';

export const REVIEWED: readonly ClaimStatus[] = ['confirmed', 'corrected'];

/** Which claims count: reviewed ones (confirmed, corrected) by default; proposed ones on request; rejected never. */
export function countedStatuses(includeProposed: boolean | undefined): readonly ClaimStatus[] {
  return includeProposed ? [...REVIEWED, 'proposed'] : REVIEWED;
}

export interface LinkCorpus {
  /** Every current claim by ref (c12), whether counted or not. */
  rows: Map<string, LinkableClaimRow>;
  incidents: LinkIncident[];
  tallyIncidents: TallyIncident[];
  tolls: TallyToll[];
  victims: LinkVictim[];
  victimCategory: Map<string, Category>;
}

/** Reads the claims of each report's current extraction and turns the counted ones into records. */
export async function loadCorpus(sql: Sql, includeProposed: boolean | undefined): Promise<LinkCorpus> {
  const all = await currentClaims(sql, ['incident', 'toll', 'victim']);
  const counted = new Set(countedStatuses(includeProposed));
  const rows = new Map(all.map((r) => [claimRef(r.id), r]));
  // A victim names its incident by ref within its extraction; the incident's claim id is the link record's id.
  const incidentByRef = new Map<string, string>();
  const victimsOf = new Map<number, VictimClaim[]>();
  for (const r of all) {
    if (r.kind === 'incident') incidentByRef.set(`${r.extraction_id}|${r.ref}`, claimRef(r.id));
    if (r.kind === 'victim' && counted.has(r.status)) {
      const list = victimsOf.get(r.extraction_id) ?? [];
      list.push(r.current as unknown as VictimClaim);
      victimsOf.set(r.extraction_id, list);
    }
  }
  const corpus: LinkCorpus = { rows, incidents: [], tallyIncidents: [], tolls: [], victims: [], victimCategory: new Map() };
  for (const r of all) {
    if (!counted.has(r.status)) continue;
    const id = claimRef(r.id);
    const report = reportRef(r.report_id);
    if (r.kind === 'incident') {
      const c = { ...(r.current as unknown as IncidentClaim), id: r.ref };
      const rec: LinkIncident = { ...incidentRecord(report, r.outlet, normaliseIncident(c), victimsOf.get(r.extraction_id) ?? []), id };
      corpus.incidents.push(rec);
      corpus.tallyIncidents.push({ id, reportId: report, outlet: r.outlet, date: rec.date, places: rec.places, actors: rec.actors, fatalities: c.fatalities });
    } else if (r.kind === 'toll') {
      const t = r.current as unknown as TollClaim;
      corpus.tolls.push({ id, outlet: r.outlet, date: t.date ?? null, places: t.places ?? [], fatalities: t.fatalities, qualifier: t.qualifier });
    } else {
      const v = { ...(r.current as unknown as VictimClaim), id: r.ref };
      const rec = victimRecord(report, v);
      corpus.victims.push({ ...rec, id, incidentId: v.incident ? (incidentByRef.get(`${r.extraction_id}|${v.incident}`) ?? null) : null });
      corpus.victimCategory.set(id, v.category ?? 'unknown');
    }
  }
  return corpus;
}

const PLACE_DEFAULTS: PlaceRef = { name: '', aliases: [], geonameId: null, featureCode: '', country: '', admin1: null, admin2: null, lat: null, lon: null, geoPrecision: 1, role: 'event', spans: [] };

/** A corrected claim may carry places and actors with only a name: give linking the fields it reads. */
function normaliseIncident(c: IncidentClaim): IncidentClaim {
  return {
    ...c,
    places: (c.places ?? []).map((p) => ({ ...PLACE_DEFAULTS, ...(p as Partial<PlaceRef>), name: p.name })),
    actors: c.actors ?? [],
    figures: c.figures ?? [],
  };
}

export function toDecision(d: LinkDecisionRow): LinkDecision & { comment: string | null } {
  return { a: claimRef(d.a), b: claimRef(d.b), verdict: d.verdict, by: d.user_name, at: d.at, comment: d.comment };
}

export async function loadDecisions(sql: Sql, kind: LinkKind): Promise<(LinkDecision & { comment: string | null })[]> {
  return (await listLinkDecisions(sql, kind)).map(toDecision);
}
