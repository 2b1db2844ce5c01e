// Table-driven tests of the source recognizers: a sentence in, who says so, what supports it and who rejects it out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Evidence } from '../../domain/types.js';
import { splitSentences } from './sentences.js';
import { SUBJECT_BEFORE, lazySources, recognizeSources, subjectBefore, type SentenceSources } from './sources.js';

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
  // a conjunction before the verb names nobody: the subject is the earlier clause's
  { text: 'The president travelled to the area and announced an operation.', attributions: [] },
  { text: 'Missiles hit the base, which Washington says launched the attack.', attributions: [['Washington', 'says']] },
  { text: 'troops entered the town and reported that 12 bodies were found.', attributions: [] },
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

// subjectBefore starts its search late; on every text it must find what the end-anchored regex finds from the start.
const SUBJECT_CASES: Array<[string, string | null]> = [
  // the longest role subject: a determiner and three words, then two "at the X Y Z" tails (14 whitespace runs)
  ['Yesterday an old local city police at the main city hospital in the far north town ', 'an old local city police at the main city hospital in the far north town'],
  // the longest name subject: an article, nine words and a parenthesis (10 whitespace runs)
  ['Yesterday the Syrian Observatory for Human Rights of the Middle East (SOHR) ', 'the Syrian Observatory for Human Rights of the Middle East (SOHR)'],
  ['The Syrian Observatory for Human Rights (SOHR), a Britain-based monitor, ', 'The Syrian Observatory for Human Rights (SOHR)'],
  ['At least 52 people were killed in the city, the local medics\u00a0at the main hospital\n ', 'the local medics\u00a0at the main hospital'],
  ['Two men, 41 and 35,\t', null],
  ['', null],
];

for (const [text, subject] of SUBJECT_CASES) {
  test(`subject before the verb: ${JSON.stringify(text)}`, () => {
    const m = subjectBefore(text);
    assert.equal(m?.[1] ?? null, subject);
    const full = SUBJECT_BEFORE.exec(text);
    assert.deepEqual(m && [m.index, m[0], m[1]], full && [full.index, full[0], full[1]]);
  });
}

test('subject before the verb: the late search agrees with the regex on generated sentences', () => {
  const words = ['The', 'the', 'a', 'an', 'its', 'Syrian', 'Observatory', 'for', 'of', 'and', 'de', 'on', 'Human', 'Rights', '(SOHR)', 'medics', 'police',
    'officials', 'spokesman', 'Governor', 'at', 'in', 'near', 'hospital', 'main', 'city', 'al-Assad', 'St.', 'O’Brien', 'killed', '52', ',', ', a monitor,',
    'Ḩalab', 'said:', '"', '(', 'x'];
  const spaces = [' ', ' ', ' ', '  ', '\n', '\u00a0', ''];
  let seed = 12345;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; k < 20_000; k++) {
    let text = '';
    for (let n = 1 + next(40); n > 0; n--) text += words[next(words.length)]! + spaces[next(spaces.length)]!;
    const m = subjectBefore(text);
    const full = SUBJECT_BEFORE.exec(text);
    assert.deepEqual(m && [m.index, m[0], m[1]], full && [full.index, full[0], full[1]], JSON.stringify(text));
  }
});
