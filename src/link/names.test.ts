// Table tests of name folding: spellings of one name meet, different names stay apart, keys block variants together.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareNames, jaroWinkler, nameTokens, phoneticKey } from './names.js';

const SAME: Array<[string, string]> = [
  ['Mohammad al-Hassan', 'Muhammad Hassan'],
  ['Mohamed El-Hasan', 'Mohammed Hasan'],
  ['Ahmed Youssef', 'Ahmad Yusuf'],
  ['Abd al-Rahman ibn Khalid', 'Abdulrahman Khalid'],
  ['Abdel Rahman bin Khaled', 'Abd al-Rahman Khalid'],
  ['Shinda Adel Kisho', 'Shinda Kisho'],
  ['Fatimah Hussein', 'Fatima Husain'],
  ['Mohammad al-Hassan', 'Hasan Mohamed'],
  ['Ahmed Abu Salah', 'Ahmad Abusalah'],
  ['Daw Khin Myo Win', 'Khin Myo Win'],
  ['Aisha Omar', 'Ayesha Umar'],
];
const DIFFERENT: Array<[string, string]> = [
  ['Ahmad Ali', 'Mahmoud Ali'],
  ['Ahmad Ali Hassan', 'Omar Ali Hassan'],
  ['Mohammad Darwish', 'Mahmoud Darwish'],
  ['Fatima Hussein', 'Zainab Hussein'],
];

test('spellings of one name compare as the same person name', () => {
  for (const [a, b] of SAME) assert.ok(compareNames(nameTokens(a), nameTokens(b)).score >= 0.92, `${a} / ${b}`);
});

test('different given names with a shared family name stay apart', () => {
  for (const [a, b] of DIFFERENT) assert.ok(compareNames(nameTokens(a), nameTokens(b)).score < 0.85, `${a} / ${b}`);
});

test('canonical tokens drop articles, connectors and titles, bind abd/abu', () => {
  assert.deepEqual(nameTokens('Dr. Abd al-Rahman ibn Khalid al-Shami'), ['abdrahman', 'khalid', 'shami']);
  assert.deepEqual(nameTokens('Mohammed'), nameTokens('Muhammad'));
  assert.deepEqual(nameTokens('Fatimah'), nameTokens('Fatima'));
});

test('phonetic keys block transliteration variants together', () => {
  const key = (s: string) => nameTokens(s).map(phoneticKey).join(' ');
  assert.equal(key('Hussain Qasim'), key('Hussein Kassem'));
  assert.equal(key('Youssef'), key('Yusuf'));
  assert.notEqual(key('Ahmad'), key('Mahmoud'));
});

test('jaro-winkler matches reference values', () => {
  assert.equal(jaroWinkler('martha', 'martha'), 1);
  assert.ok(Math.abs(jaroWinkler('martha', 'marhta') - 0.961) < 0.001);
  assert.ok(Math.abs(jaroWinkler('dixon', 'dicksonx') - 0.813) < 0.001);
  assert.equal(jaroWinkler('abc', ''), 0);
});
