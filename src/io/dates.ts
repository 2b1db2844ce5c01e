// The date spellings of ACLED exports: 9-May-20 (the 2020 layout), 21 March 2020 (the 2023 layout) and ISO 2020-03-21.
import { isCalendarDate } from '../domain/report-file.js';

export type DateStyle = 'd-Mon-yy' | 'd Month yyyy' | 'iso';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m === w || (w.length === 3 && m.startsWith(w)) || (w === 'sept' && m === 'september'));
  return i < 0 ? null : i + 1;
}

/** Two-digit years: ACLED's data start in 1997, so 97–99 are 19xx and 00–96 are 20xx. */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 4 ? n : n >= 97 ? 1900 + n : 2000 + n;
}

function iso(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isCalendarDate(s) ? s : null;
}

/** A date in any of the three spellings → YYYY-MM-DD and the style it was written in; null when it is not a real date. */
export function parseAcledDate(text: string): { day: string; style: DateStyle } | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) {
    const day = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return day ? { day, style: 'iso' } : null;
  }
  m = /^(\d{1,2})[- ]([A-Za-z]{3,9}\.?)[- ,]+(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = monthOf(m[2]!);
    if (!month) return null;
    const day = iso(fullYear(m[3]!), month, Number(m[1]));
    if (!day) return null;
    return { day, style: m[3]!.length === 2 ? 'd-Mon-yy' : 'd Month yyyy' };
  }
  m = /^([A-Za-z]{3,9}\.?) (\d{1,2}),? (\d{4})$/.exec(s);
  if (m) {
    const month = monthOf(m[1]!);
    const day = month ? iso(Number(m[3]), month, Number(m[2])) : null;
    return day ? { day, style: 'd Month yyyy' } : null;
  }
  return null;
}

export function formatAcledDate(day: string, style: DateStyle): string {
  if (style === 'iso') return day;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (style === 'd-Mon-yy') return `${d}-${MONTH_NAMES[m - 1]!.slice(0, 3)}-${String(y % 100).padStart(2, '0')}`;
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

export const DATE_EXAMPLES = '9-May-20, 21 March 2020 or 2020-03-21';
