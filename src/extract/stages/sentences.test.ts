// Table tests for the sentence splitter: a body in, its sentences (role, text, dateline) out, offsets exact.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from './sentences.js';

type Role = 'headline' | 'heading' | 'caption' | 'body';
/** [role, text] or [role, text, dateline text]. */
type Expected = [Role, string] | [Role, string, string];

const H = 'Headline\n'; // most bodies start with a headline line; cases below are about the lines after it

const cases: Array<{ name: string; body: string; sentences: Expected[]; todo?: string }> = [
  {
    name: 'two plain sentences after a headline',
    body: `${H}Ten people died. Twenty were hurt.`,
    sentences: [['headline', 'Headline'], ['body', 'Ten people died.'], ['body', 'Twenty were hurt.']],
  },
  {
    name: 'a month abbreviation: "Feb. 24"',
    body: `${H}The attack happened on Feb. 24 in the city. Ten people died.`,
    sentences: [['headline', 'Headline'], ['body', 'The attack happened on Feb. 24 in the city.'], ['body', 'Ten people died.']],
  },
  {
    name: '"p.m." before a weekday does not end the sentence',
    body: `${H}Shelling began at 3 p.m. Friday in the east. Residents fled.`,
    sentences: [['headline', 'Headline'], ['body', 'Shelling began at 3 p.m. Friday in the east.'], ['body', 'Residents fled.']],
  },
  {
    name: '"a.m." inside a sentence',
    body: `${H}At 4 a.m. local time a drone struck. Two died.`,
    sentences: [['headline', 'Headline'], ['body', 'At 4 a.m. local time a drone struck.'], ['body', 'Two died.']],
  },
  {
    name: '"p.m." that does end a sentence',
    body: `${H}The strike hit at 5 p.m. Three people died.`,
    sentences: [['headline', 'Headline'], ['body', 'The strike hit at 5 p.m.'], ['body', 'Three people died.']],
  },
  {
    name: '"a.m." before a time zone does not end the sentence',
    body: `${H}The drone struck at 4 a.m. GMT on the camp. Two died at 6 a.m. Rescuers arrived.`,
    sentences: [['headline', 'Headline'], ['body', 'The drone struck at 4 a.m. GMT on the camp.'], ['body', 'Two died at 6 a.m.'], ['body', 'Rescuers arrived.']],
  },
  {
    name: '"U.S." and "U.N." before capitalised words',
    body: `${H}The U.S. Army said it struck the base. The U.N. Security Council met. Two died.`,
    sentences: [['headline', 'Headline'], ['body', 'The U.S. Army said it struck the base.'], ['body', 'The U.N. Security Council met.'], ['body', 'Two died.']],
  },
  {
    name: 'initials in names',
    body: `${H}Abdul K. Hamid said J. R. Smith was killed. Others disagreed.`,
    sentences: [['headline', 'Headline'], ['body', 'Abdul K. Hamid said J. R. Smith was killed.'], ['body', 'Others disagreed.']],
  },
  {
    name: 'titles: Gen., Maj., Dr., Mr.',
    body: `${H}Gen. Suhail al-Hassan led the unit. Maj. Ali and Dr. Sami died. Mr. Kisho spoke.`,
    sentences: [['headline', 'Headline'], ['body', 'Gen. Suhail al-Hassan led the unit.'], ['body', 'Maj. Ali and Dr. Sami died.'], ['body', 'Mr. Kisho spoke.']],
  },
  {
    name: 'decimals, "No." and "e.g." do not split',
    body: `${H}Checkpoint No. 5 lies 3.5 km away, e.g. near Homs. It fell.`,
    sentences: [['headline', 'Headline'], ['body', 'Checkpoint No. 5 lies 3.5 km away, e.g. near Homs.'], ['body', 'It fell.']],
  },
  {
    name: 'a quoted sentence keeps its closing quote',
    body: `${H}He told reporters, "They shot him." Then they left.`,
    sentences: [['headline', 'Headline'], ['body', 'He told reporters, "They shot him."'], ['body', 'Then they left.']],
  },
  {
    name: 'curly quotes and a sentence that opens with a quote',
    body: `${H}“We are afraid,” she said. “They came at night.” Nobody slept.`,
    sentences: [['headline', 'Headline'], ['body', '“We are afraid,” she said.'], ['body', '“They came at night.”'], ['body', 'Nobody slept.']],
  },
  {
    name: 'question and exclamation marks',
    body: `${H}What happened? Nobody knows! Police came.`,
    sentences: [['headline', 'Headline'], ['body', 'What happened?'], ['body', 'Nobody knows!'], ['body', 'Police came.']],
  },
  {
    name: 'a sentence may start with a number',
    body: `${H}Clashes went on all day. 72 people were killed.`,
    sentences: [['headline', 'Headline'], ['body', 'Clashes went on all day.'], ['body', '72 people were killed.']],
  },
  {
    name: 'the headline is the first non-empty line, even with a full stop',
    body: `\n\nMass Executions Leave Over 120 Dead. Clashes Continue\nSOHR reported 52 deaths.`,
    sentences: [['headline', 'Mass Executions Leave Over 120 Dead.'], ['headline', 'Clashes Continue'], ['body', 'SOHR reported 52 deaths.']],
  },
  {
    name: 'a "Photo:" caption line',
    body: `${H}Photo: Smoke rises over Gaza City. (AFP)\nThe strike killed four people.`,
    sentences: [['headline', 'Headline'], ['caption', 'Photo: Smoke rises over Gaza City.'], ['caption', '(AFP)'], ['body', 'The strike killed four people.']],
  },
  {
    name: 'other caption labels',
    body: `${H}Image caption: Rescuers search the rubble.\nFile photo: A checkpoint in Idlib.\nFour died.`,
    sentences: [['headline', 'Headline'], ['caption', 'Image caption: Rescuers search the rubble.'], ['caption', 'File photo: A checkpoint in Idlib.'], ['body', 'Four died.']],
  },
  {
    name: 'a dateline with the outlet: "ERBIL (Kurdistan24) –"',
    body: `${H}ERBIL (Kurdistan24) – Syria’s coastal province of Latakia burned on Friday. More later.`,
    sentences: [['headline', 'Headline'], ['body', 'ERBIL (Kurdistan24) – Syria’s coastal province of Latakia burned on Friday.', 'ERBIL (Kurdistan24) – '], ['body', 'More later.']],
  },
  {
    name: 'a dateline with a country: "KYIV, Ukraine -"',
    body: `${H}KYIV, Ukraine - Russian missiles hit the city. Five died.`,
    sentences: [['headline', 'Headline'], ['body', 'KYIV, Ukraine - Russian missiles hit the city.', 'KYIV, Ukraine - '], ['body', 'Five died.']],
  },
  {
    name: 'a two-word dateline with an em dash',
    body: `${H}DEIR EZ-ZOR — Gunmen killed three men. Nobody claimed it.`,
    sentences: [['headline', 'Headline'], ['body', 'DEIR EZ-ZOR — Gunmen killed three men.', 'DEIR EZ-ZOR — '], ['body', 'Nobody claimed it.']],
  },
  {
    name: 'no dateline in an ordinary sentence with a dash',
    body: `${H}The army – and its allies – advanced. SOHR - a monitor - counted 9 dead.`,
    sentences: [['headline', 'Headline'], ['body', 'The army – and its allies – advanced.'], ['body', 'SOHR - a monitor - counted 9 dead.']],
  },
  {
    name: 'short heading lines between paragraphs',
    body: `${H}Kurdish Student Among the Victims\nA source said she was killed. She was 19.\nReports of Mass Executions\nThe observatory said 52 men were killed.`,
    sentences: [
      ['headline', 'Headline'],
      ['heading', 'Kurdish Student Among the Victims'],
      ['body', 'A source said she was killed.'],
      ['body', 'She was 19.'],
      ['heading', 'Reports of Mass Executions'],
      ['body', 'The observatory said 52 men were killed.'],
    ],
  },
  {
    name: 'a one-line report (a monitor\'s note) has no headline',
    body: 'On 1 May 2020, in Leon, a man was found on the road. The body was burned. 1 fatality.',
    sentences: [['body', 'On 1 May 2020, in Leon, a man was found on the road.'], ['body', 'The body was burned.'], ['body', '1 fatality.']],
  },
  {
    name: 'CRLF line ends and indented lines',
    body: `Headline\r\n  First sentence here. Second one.\r\n\r\nThird paragraph.\r\n`,
    sentences: [['headline', 'Headline'], ['body', 'First sentence here.'], ['body', 'Second one.'], ['body', 'Third paragraph.']],
  },
];

for (const c of cases) {
  test(`sentences: ${c.name}`, c.todo ? { todo: c.todo } : {}, () => {
    const got = splitSentences(c.body);
    const actual = got.map((s): Expected => {
      const row: Expected = [s.role, s.text];
      return s.dateline ? [s.role, s.text, c.body.slice(s.dateline.start, s.dateline.end)] : row;
    });
    assert.deepEqual(actual, c.sentences);
  });
}

test('sentences: offsets are exact, ordered, inside their line and numbered in order', () => {
  const body = cases.map((c) => c.body).join('\n');
  const got = splitSentences(body);
  let last = 0;
  let lastParagraph = 0;
  for (const [i, s] of got.entries()) {
    assert.equal(s.index, i);
    assert.equal(body.slice(s.span.start, s.span.end), s.text);
    assert.ok(s.span.start >= last, `sentence ${i} starts before the previous one ends`);
    assert.ok(s.span.end > s.span.start, `sentence ${i} is empty`);
    assert.ok(!s.text.includes('\n'), `sentence ${i} crosses a line`);
    assert.equal(s.text, s.text.trim(), `sentence ${i} has surrounding blanks`);
    assert.ok(s.paragraph >= lastParagraph);
    if (s.dateline) assert.ok(s.dateline.start >= s.span.start && s.dateline.end <= s.span.end, `dateline ${i} outside its sentence`);
    last = s.span.end;
    lastParagraph = s.paragraph;
  }
  assert.equal(got.filter((s) => s.role === 'headline').length, 1, 'one headline line in a body');
});

test('sentences: an empty or blank body has no sentences', () => {
  assert.deepEqual(splitSentences(''), []);
  assert.deepEqual(splitSentences(' \n\t\n'), []);
});
