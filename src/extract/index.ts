// The extraction pipeline: a report in, sourced incident / toll / victim claims out. Pure: no I/O beyond the lazy lexicons and gazetteer.
import type { Extraction, Report } from '../domain/types.js';
import type { DateMention } from './mentions.js';
import { assembleClaims } from './assemble/claims.js';
import { statementsOf } from './assemble/statements.js';
import { lexicons } from './lexicon.js';
import { recognizeActors } from './stages/actors.js';
import { recognizeCasualties } from './stages/casualties.js';
import { recognizeDates } from './stages/dates.js';
import { recognizeEventTriggers } from './stages/events.js';
import { recognizeNumbers } from './stages/numbers.js';
import { recognizePlaces } from './stages/places.js';
import { datelinePlaces, refinePlaces } from './refine/places.js';
import { splitSentences } from './stages/sentences.js';
import { lazySources } from './stages/sources.js';
import { recognizeVictims } from './stages/victims.js';

/**
 * The stages run in this order because each reads what the earlier ones found: sentences bound every search;
 * numbers and places must exist before casualty phrases can count people and before victims can tell names
 * from places; statements fold a sentence's figures before clusters join sentences into events.
 */
export function extract(report: Report): Extraction {
  const lex = lexicons();
  const body = report.body;
  const sentences = splitSentences(body);
  const numbers = recognizeNumbers(body);
  // chrono is the costliest recognizer: dates are read per sentence, and only for sentences a claim looks at.
  const dateMemo = new Map<number, DateMention[]>();
  const dates = (i: number): DateMention[] => {
    let found = dateMemo.get(i);
    if (!found) {
      const s = sentences[i];
      found = s ? recognizeDates(s.text, report.published, s.span.start) : [];
      dateMemo.set(i, found);
    }
    return found;
  };
  const recognizedPlaces = recognizePlaces(body);
  const places = refinePlaces(recognizedPlaces, body, sentences);
  const triggers = recognizeEventTriggers(body, lex);
  const actors = recognizeActors(body, lex);
  const sources = lazySources(body, sentences, lex);
  const victims = recognizeVictims(body, sentences, places, lex);
  const statements = sentences.flatMap((s) => statementsOf(recognizeCasualties(body, s, numbers, lex)));
  const claims = assembleClaims({ report, sentences, statements, places, datelinePlaces: datelinePlaces(recognizedPlaces, sentences), dates, triggers, actors, sources, victims, lex });
  return {
    report: { outlet: report.outlet, published: report.published, url: report.url, language: report.language, bodyLength: body.length },
    ...claims,
    warnings: [...claims.incidents, ...claims.tolls].flatMap((c) => c.warnings),
  };
}
