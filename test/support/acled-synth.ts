// Synthetic ACLED rows (invented, not ACLED data) for tests and the io bench, in the 2020 or the 2023 layout.
import { ACLED_2020_COLUMNS, ACLED_2023_COLUMNS, type AcledLayout } from '../../src/io/acled.js';
import { formatAcledDate } from '../../src/io/dates.js';
import { stringify } from 'csv-stringify/sync';

const TYPES: [string, string, number, number][] = [
  ['Battles', 'Armed clash', 1, 2],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack', 1, 7],
  ['Violence against civilians', 'Attack', 3, 7],
  ['Protests', 'Peaceful protest', 6, 0],
  ['Riots', 'Mob violence', 5, 7],
  ['Strategic developments', 'Looting/property destruction', 2, 0],
];
const PLACES: [string, string, string, string, string, string, string][] = [
  ['Syria', 'Lattakia', 'Jablah', 'Jablah', 'Jablah', '35.3614', '35.9256'],
  ['Yemen', 'Taizz', 'Al Qahirah', '', 'Taizz', '13.5795', '44.0209'],
  ['Ukraine', 'Donetsk', 'Bakhmutskyi', '', 'Zaitseve', '48.3833', '37.8667'],
];

export function synthRecord(i: number, layout: AcledLayout = '2020'): Record<string, string> {
  const [eventType, sub, i1, i2] = TYPES[i % TYPES.length]!;
  const [country, admin1, admin2, admin3, location, lat, lon] = PLACES[i % PLACES.length]!;
  const day = new Date(Date.UTC(2020, 0, 1) + (i % 900) * 86_400_000).toISOString().slice(0, 10);
  const f = i % 7 === 0 ? 3 + (i % 11) : 0;
  return {
    data_id: String(9_000_000 + i), iso: '760', event_id_cnty: `SYN${i}`, event_id_no_cnty: String(i),
    event_date: formatAcledDate(day, layout === '2020' ? 'd-Mon-yy' : 'd Month yyyy'), year: day.slice(0, 4), time_precision: String(1 + (i % 3)),
    disorder_type: eventType === 'Protests' || eventType === 'Riots' ? 'Demonstrations' : 'Political violence', event_type: eventType, sub_event_type: sub,
    actor1: `Synthetic Actor ${i % 50}`, assoc_actor_1: i % 5 === 0 ? 'Helpers A; Helpers B' : '', inter1: String(i1),
    actor2: i2 ? `Synthetic Opponent ${i % 40}` : '', assoc_actor_2: '', inter2: String(i2), interaction: i2 ? `${Math.min(i1, i2)}${Math.max(i1, i2)}` : `${i1}0`,
    civilian_targeting: i2 === 7 ? 'Civilian targeting' : '', region: 'Middle East', country, admin1, admin2, admin3, location, latitude: lat, longitude: lon,
    geo_precision: String(1 + (i % 3)), source: i % 2 ? 'Synthetic Wire; Other Wire' : 'Synthetic Wire', source_scale: 'National',
    notes: `On ${day}, synthetic event number ${i} happened in ${location}, with "quotes", commas, and ${f} fatalities.`,
    fatalities: String(f), tags: i % 4 === 0 ? 'crowd size=no report' : '', timestamp: String(1_600_000_000 + i), iso3: 'SYR',
  };
}

export function synthCsv(rows: number, layout: AcledLayout = '2020', start = 0): string {
  const cols = layout === '2020' ? ACLED_2020_COLUMNS : ACLED_2023_COLUMNS;
  const lines = [cols.join(',') + '\n'];
  for (let i = start; i < start + rows; i++) lines.push(synthLine(i, layout));
  return lines.join('');
}

export function synthLine(i: number, layout: AcledLayout = '2020'): string {
  const r = synthRecord(i, layout);
  const cols = layout === '2020' ? ACLED_2020_COLUMNS : ACLED_2023_COLUMNS;
  return stringify([cols.map((c) => r[c] ?? '')], { record_delimiter: 'unix' });
}

export function synthHeader(layout: AcledLayout = '2020'): string {
  return (layout === '2020' ? ACLED_2020_COLUMNS : ACLED_2023_COLUMNS).join(',') + '\n';
}
