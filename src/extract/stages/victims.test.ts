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
  },
  {
    text: 'Police chief Daniel Okoro was killed in an ambush on Tuesday.',
    victims: [{ name: 'Daniel Okoro', sex: null, age: null, origin: null, occupation: 'police chief', category: 'stateForces' }],
  },
  // a town name inside a longer run of names is part of the name, and the town drops out of the places
  {
    text: 'Armed bandits killed 15 villagers in Maru, police said. Musa Ibrahim Bello, a farmer, was among the dead.',
    victims: [{ name: 'Musa Ibrahim Bello', sex: null, age: null, origin: null, occupation: 'farmer', category: 'civilians' }],
  },
  // "named the dead as": every name of the list that follows
  {
    text: 'Relatives named the dead as Rhonita Miller, 30, and four of her children; Dawna Langford, 43, and two of her sons; and Christina Langford Johnson, 31.',
    victims: [
      { name: 'Rhonita Miller', sex: 'female', age: 30, origin: null, occupation: null, category: 'civilians' },
      { name: 'Dawna Langford', sex: 'female', age: 43, origin: null, occupation: null, category: 'civilians' },
      { name: 'Christina Langford Johnson', sex: null, age: 31, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  {
    text: 'The health ministry named the woman as Majeda Obeid.',
    victims: [{ name: 'Majeda Obeid', sex: null, age: null, origin: null, occupation: null, category: 'civilians' }],
  },
  // names in apposition to the counted object of a death verb; the noun tells the side
  {
    text: 'The military said it had killed two senior Hamas officials, Yassin Rabia and Khaled Nagar, in the strike.',
    victims: [
      { name: 'Yassin Rabia', sex: null, age: null, origin: null, occupation: null, category: 'nonStateFighters' },
      { name: 'Khaled Nagar', sex: null, age: null, origin: null, occupation: null, category: 'nonStateFighters' },
    ],
  },
  // named after "as" without a death: a speaker described, not a victim
  { text: 'The army named its new commander as Ahmed Saleh Karim on Monday.', victims: [] },
  // a run of a city and its province is a place, not a name
  { text: 'In Tijuana Baja California, a man was found dead in a car.', victims: [] },
  // a run that places cover entirely is a place
  { text: 'Gaza City was shelled overnight and 12 people were killed.', victims: [] },
  // a capitalised count opening a sentence is not a name
  { text: 'Thirteen Palestinians, including five children, were killed in an Israeli air strike on Tuesday.', victims: [] },
  { text: 'Twenty-Two Soldiers were killed in the ambush.', victims: [] },
  // speakers are not victims
  { text: 'Police chief Daniel Okoro said the two men were killed in an ambush on Tuesday.', victims: [] },
  { text: 'Rami Abdul Rahman, head of the Syrian Observatory, said the toll had risen to 745.', victims: [] },
  { text: 'Speaking to Al Jazeera Arabic, a source said the 15 had died.', victims: [] },
  { text: 'Regional governor Andriy Raikovych said two people were killed when the drone hit a bus.', victims: [] },
  // an age phrase before the name is its age; a name in apposition to "the youngest victim" is a victim
  {
    text: 'Three-year-old Mucad Ibrahim, the youngest victim, had gone to Friday prayers with his father and older brother.',
    victims: [{ name: 'Mucad Ibrahim', sex: 'male', age: 3, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'Twenty-one-year-old Sara Haddad was shot dead at the checkpoint.',
    victims: [{ name: 'Sara Haddad', sex: null, age: 21, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'Omar Saleh Nasser, one of the dead, had driven the bus for twenty years.',
    victims: [{ name: 'Omar Saleh Nasser', sex: null, age: null, origin: null, occupation: null, category: 'civilians' }],
  },
  { text: 'Karim Haddad, the oldest of the victims, was 82.', victims: [{ name: 'Karim Haddad', sex: null, age: null, origin: null, occupation: null, category: 'civilians' }] },
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
