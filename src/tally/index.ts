// Tallies: deaths counted once per event, bounded by tolls, with every source listed.
export * from './tally.js';
export * from './coverage.js';
