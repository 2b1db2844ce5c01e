// Linking: incidents across reports, victims across reports and lists. Pure functions over records; the store persists the results.
export * from './types.js';
export { linkIncidents, incidentProposalsTouching, scoreIncidentPair, eventTypesCompatible, DEFAULT_INCIDENT_THRESHOLD, type IncidentLinkOptions } from './incidents.js';
export { linkVictims, scoreVictimPair, DEFAULT_VICTIM_THRESHOLD, type VictimLinkOptions } from './victims.js';
export { clusterLinks, effectiveDecisions, type ClusterOptions, type Compatibility } from './cluster.js';
export { nameTokens, canonicalToken, phoneticKey, jaroWinkler, compareNames, type NameMatch } from './names.js';
export { incidentRecord, victimRecord, recordsOf } from './from-extraction.js';
export { pairwise, type PairwiseScore } from './evaluate.js';
