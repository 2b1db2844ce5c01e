// Table-driven tests of the source recognizers: a sentence in, who says so, what supports it and who rejects it out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Evidence } from '../../domain/types.js';
import { splitSentences } from './sentences.js';
import { lazySources, recognizeSources, type SentenceSources } from './sources.js';

interface Case {
  text: string;
  /** Every attribution of the sentence, in order: source (exact, or a pattern where the subject's edge is loose) and verb. */
  attributions?: Array<[string | RegExp, string]>;
  /** Evidence that must be found: kind, verified. */
  evidence?: Array<[Evidence['kind'], boolean]>;
  /** Evidence kinds that must not be found. */
  noEvidence?: Array<Evidence['kind']>;
  /** Every dispute, in order: the party and a pattern its text must match. */
  disputes?: Array<[string, RegExp]>;
  todo?: string;
}

const CASES: Case[] = [
  // attributions
  { text: 'SOHR reported that 52 men were executed in the village.', attributions: [['SOHR', 'reported']], disputes: [] },
  {
    text: 'At least 745 civilians were killed, according to the Syrian Observatory for Human Rights.',
    attributions: [['Syrian Observatory for Human Rights', 'according to']],
  },
  {
    text: 'The Syrian Observatory for Human Rights (SOHR), a Britain-based monitor, said 1,018 people had died.',
    attributions: [['Syrian Observatory for Human Rights (SOHR)', 'said']],
  },
  // the subject's title may or may not be kept, the name must be
  { text: 'Regional governor Andriy Raikovych said two people were killed.', attributions: [[/(?:^|\s)governor Andriy Raikovych$/, 'said']] },
  { text: 'Residents told Reuters that the bodies were left in the street.', attributions: [['Residents', 'told']] },
  { text: 'Satellite images show burned homes, the group said.', attributions: [['group', 'said']], evidence: [['photo', false]] },
  // a pronoun is no source
  { text: 'He said the men were taken away at dawn.', attributions: [] },
  {
    text: 'Medics at the hospital said they had received 14 bodies.',
    attributions: [[/^medics(?: at the hospital)?$/i, 'said']],
    evidence: [['medical', false]],
  },
  {
    text: 'Hospital records seen by the outlet list 31 names.',
    attributions: [],
    evidence: [['medical', false]],
  },
  { text: 'Doctors at a field hospital in the town told the agency that 12 people died.', attributions: [[/^doctors at a field hospital(?: in the town)?$/i, 'told']] },
  // a reporting verb that is also a plural noun is the verb only when no participle or preposition follows
  { text: 'The health ministry reports that 12 people died.', attributions: [['health ministry', 'reports']] },
  { text: 'Police reports from the district show 12 deaths.', attributions: [] },
  // evidence
  {
    text: 'Verified video footage and eyewitness accounts confirm that gunmen went house to house.',
    evidence: [['video', true], ['eyewitness', true]],
  },
  { text: 'Witnesses said the gunmen spoke with a foreign accent.', attributions: [['Witnesses', 'said']], evidence: [['eyewitness', false]] },
  { text: 'Medics said they had received 14 bodies.', attributions: [['Medics', 'said']], evidence: [['medical', false]] },
  // disputes
  {
    text: "The killings, which authorities dismiss as 'isolated incidents', continued on Saturday.",
    disputes: [['authorities', /^dismiss as 'isolated incidents'/]],
  },
  { text: 'The figures could not be independently verified.', disputes: [['the outlet', /^could not be independently verified$/]] },
  {
    text: 'The figures could not be independently verified.',
    noEvidence: ['documentation'],
  },
  { text: 'The army denied the allegations.', disputes: [['army', /^denied the allegations/]] },
  {
    text: 'The ministry denied that any civilians had been harmed.',
    disputes: [['ministry', /^denied that any civilians/]],
  },
  { text: 'The government denied that its forces had fired on the crowd.', disputes: [['government', /^denied that its forces/]] },
  {
    text: 'Photos shared on social media, which could not be independently verified, show a burned car.',
    evidence: [['photo', false]],
    disputes: [['the outlet', /^could not be independently verified$/]],
  },
];

function sourcesOf(text: string): SentenceSources {
  const [sentence] = splitSentences(text);
  return recognizeSources(text, sentence!);
}

for (const c of CASES) {
  test(`sources: ${c.text}`, c.todo ? { todo: c.todo } : {}, () => {
    const got = sourcesOf(c.text);
    const trace = JSON.stringify({
      attributions: got.attributions.map((a) => [a.source, a.verb]),
      evidence: got.evidence.map((e) => [e.kind, e.verified, e.text]),
      disputes: got.disputes.map((d) => [d.party, d.text]),
    });
    if (c.attributions) {
      assert.equal(got.attributions.length, c.attributions.length, trace);
      c.attributions.forEach(([source, verb], i) => {
        const a = got.attributions[i]!;
        if (typeof source === 'string') assert.equal(a.source, source, trace);
        else assert.match(a.source, source, trace);
        assert.equal(a.verb, verb, trace);
      });
    }
    for (const [kind, verified] of c.evidence ?? []) {
      assert.ok(got.evidence.some((e) => e.kind === kind && e.verified === verified), `expected ${kind} evidence (verified: ${verified}); ${trace}`);
    }
    for (const kind of c.noEvidence ?? []) assert.ok(!got.evidence.some((e) => e.kind === kind), `no ${kind} evidence expected; ${trace}`);
    if (c.disputes) {
      assert.equal(got.disputes.length, c.disputes.length, trace);
      c.disputes.forEach(([party, text], i) => {
        assert.equal(got.disputes[i]!.party, party, trace);
        assert.match(got.disputes[i]!.text, text, trace);
      });
    }
  });
}

test('sources: spans point at the attribution in the body, also in a later sentence', () => {
  const body = 'Gunmen killed nine villagers near Homs on Friday. According to the Syrian Observatory for Human Rights, the attackers wore uniforms.';
  const sentences = splitSentences(body);
  const got = recognizeSources(body, sentences[1]!);
  assert.equal(got.sentence, 1);
  const [a] = got.attributions;
  assert.ok(a);
  assert.equal(a.source, 'Syrian Observatory for Human Rights');
  assert.equal(body.slice(a.spans[0]!.start, a.spans[0]!.end), 'According to the Syrian Observatory for Human Rights');
});

test('sources: lazySources reads each sentence once and returns the same result', () => {
  const body = 'SOHR reported that 52 men were executed. The figures could not be independently verified.';
  const get = lazySources(body, splitSentences(body));
  const first = get(1);
  assert.equal(get(1), first);
  assert.deepEqual(get(0).attributions.map((a) => a.source), ['SOHR']);
  assert.deepEqual(first.disputes.map((d) => d.party), ['the outlet']);
});
