// Table-driven tests of the named-victim recognizer: a passage in, the named dead out (sex, age, origin, occupation, category).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Category } from '../../domain/types.js';
import { refinePlaces } from '../refine/places.js';
import { recognizePlaces } from './places.js';
import { splitSentences } from './sentences.js';
import { recognizeVictims, type VictimMention } from './victims.js';

interface Expected {
  name: string;
  sex: 'male' | 'female' | null;
  age: number | null;
  origin: string | null;
  occupation: string | null;
  category: Category;
}

const CASES: Array<{ text: string; victims: Expected[]; todo?: string }> = [
  // a name, an apposition, then the death; the next sentence's pronoun tells the sex
  {
    text: 'Lina Haddad Sarkis, a first-year medical student originally from Qamishli, was among the victims. She lost her life when gunmen stormed the dormitory in Latakia.',
    victims: [{ name: 'Lina Haddad Sarkis', sex: 'female', age: null, origin: 'Qamishli', occupation: 'medical student', category: 'civilians' }],
  },
  // named inside a list of the dead
  {
    text: 'Those killed, including the monk, Kyaw Myint Tun, aged 47, were shot inside the monastery compound.',
    victims: [{ name: 'Kyaw Myint Tun', sex: 'male', age: 47, origin: null, occupation: 'monk', category: 'civilians' }],
  },
  // an age in commas, the sex from the following sentence
  {
    text: 'Ahmad Khalil Nasser, 34, was shot dead at a checkpoint near Homs. He had returned to the city a week earlier.',
    victims: [{ name: 'Ahmad Khalil Nasser', sex: 'male', age: 34, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'Hassan Jaber Saleh, a nurse, was killed by a sniper in Daraa on Monday.',
    victims: [{ name: 'Hassan Jaber Saleh', sex: null, age: null, origin: null, occupation: 'nurse', category: 'civilians' }],
    todo: 'the place recognizer reads "Hassan" (India) and "Saleh" (Morocco) as towns, so the name is rejected',
  },
  {
    text: 'Police chief Daniel Okoro was killed in an ambush on Tuesday.',
    victims: [{ name: 'Daniel Okoro', sex: null, age: null, origin: null, occupation: 'police chief', category: 'stateForces' }],
    todo: 'a title before the name ("Police chief") is taken for a speaker\'s role and the victim is dropped; his category should be state forces',
  },
  // speakers are not victims
  { text: 'Rami Abdul Rahman, head of the Syrian Observatory, said the toll had risen to 745.', victims: [] },
  { text: 'Speaking to Al Jazeera Arabic, a source said the 15 had died.', victims: [] },
  { text: 'Regional governor Andriy Raikovych said two people were killed when the drone hit a bus.', victims: [] },
  // a witness whose relatives died is not a victim
  { text: 'Mariam Youssef, whose brother and two nephews were killed in the raid, said the gunmen came at dawn.', victims: [] },
  { text: 'Omar Khaled Darwish told Reuters that his father was shot dead in front of the house.', victims: [] },
  // a count of unnamed people is not a name
  {
    text: 'One Ukrainian soldier also died in hospital.',
    victims: [],
  },
];

function victimsOf(text: string): VictimMention[] {
  const sentences = splitSentences(text);
  return recognizeVictims(text, sentences, refinePlaces(recognizePlaces(text), text, sentences));
}

for (const c of CASES) {
  test(`victims: ${c.text}`, c.todo ? { todo: c.todo } : {}, () => {
    const got = victimsOf(c.text).map(({ name, sex, age, origin, occupation, category }) => ({ name, sex, age, origin, occupation, category }));
    assert.deepEqual(got, c.victims);
  });
}

test('victims: the span points at the name and the pronoun sentence is kept as evidence', () => {
  const text = 'Lina Haddad Sarkis, a first-year medical student originally from Qamishli, was among the victims. She lost her life when gunmen stormed the dormitory in Latakia.';
  const [v] = victimsOf(text);
  assert.ok(v);
  assert.equal(text.slice(v.span.start, v.span.end), 'Lina Haddad Sarkis');
  assert.deepEqual(v.evidenceSpans.map((s) => text.slice(s.start, s.end)), ['She lost her life when gunmen stormed the dormitory in Latakia.']);
});
