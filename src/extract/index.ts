// The extraction pipeline: a report in, sourced incident / toll / victim claims out. Pure: no I/O beyond the lazy gazetteer.
import type { Extraction, Report } from '../domain/types.js';
import { splitSentences } from './stages/sentences.js';

export function extract(report: Report): Extraction {
  splitSentences(report.body);
  return {
    report: { outlet: report.outlet, published: report.published, url: report.url, language: report.language, bodyLength: report.body.length },
    incidents: [],
    tolls: [],
    victims: [],
    warnings: [],
  };
}
