// Use case: import a victims list (one person a row) as confirmed victim claims, reviewed by the system user
// import:victims. Each row is also stored as a small report (its cells as "column: value" lines), so every claim keeps
// the words it came from. With an id column, a changed row supersedes the earlier version; without one, the row's
// values are its identity (a changed row is a new record, and the same row again changes nothing).
import { MarsadError } from '../domain/errors.js';
import { isCalendarDate } from '../domain/report-file.js';
import { CATEGORIES, type Category } from '../domain/types.js';
import { DATE_EXAMPLES, parseAcledDate } from '../io/dates.js';
import { sha256Hex } from '../store/canonical-json.js';
import { runCsvImport, type CellProblem, type CsvImportInput, type CsvImportOutput, type RowMapper } from './csv-import.js';
import type { AppDeps } from './deps.js';

export const VICTIM_FIELDS = ['id', 'name', 'sex', 'age', 'date', 'place', 'category', 'source', 'origin', 'occupation', 'cause'] as const;
export type VictimField = (typeof VICTIM_FIELDS)[number];

/** Column names recognised without --map (lower-cased). */
const SYNONYMS: Record<VictimField, string[]> = {
  id: ['id', 'victim id', 'record id'],
  name: ['name', 'full name', 'victim', 'victim name'],
  sex: ['sex', 'gender'],
  age: ['age'],
  date: ['date', 'date of death', 'death date', 'date_of_death'],
  place: ['place', 'place of death', 'location', 'place_of_death'],
  category: ['category', 'status', 'type'],
  source: ['source', 'sources'],
  origin: ['origin', 'hometown', 'from'],
  occupation: ['occupation', 'profession', 'job'],
  cause: ['cause', 'cause of death', 'cause_of_death'],
};

const SEX: Record<string, 'male' | 'female'> = { m: 'male', male: 'male', man: 'male', boy: 'male', f: 'female', female: 'female', woman: 'female', girl: 'female' };
const CATEGORY: Record<string, Category> = {
  civilian: 'civilians', civilians: 'civilians', 'non-combatant': 'civilians', child: 'civilians', children: 'civilians',
  'state forces': 'stateForces', stateforces: 'stateForces', army: 'stateForces', soldier: 'stateForces', police: 'stateForces', military: 'stateForces', 'security forces': 'stateForces',
  fighter: 'nonStateFighters', fighters: 'nonStateFighters', 'non-state fighter': 'nonStateFighters', nonstatefighters: 'nonStateFighters', rebel: 'nonStateFighters', militia: 'nonStateFighters', combatant: 'nonStateFighters', 'armed group': 'nonStateFighters',
  unknown: 'unknown', '': 'unknown',
};

/** "name=Full Name,sex=Gender" → { name: 'Full Name', sex: 'Gender' }. */
export function parseColumnMap(text: string | undefined): Partial<Record<VictimField, string>> {
  const map: Partial<Record<VictimField, string>> = {};
  if (!text) return map;
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    const field = pair.slice(0, eq).trim() as VictimField;
    if (eq <= 0 || !VICTIM_FIELDS.includes(field)) throw new MarsadError('invalid_input', `--map ${JSON.stringify(pair)}: expected FIELD=Column with FIELD one of ${VICTIM_FIELDS.join(', ')}`);
    map[field] = pair.slice(eq + 1).trim();
  }
  return map;
}

interface VictimHeader {
  columns: string[];
  index: Partial<Record<VictimField, number>>;
}

export interface VictimImportInput extends CsvImportInput {
  columnMap?: Partial<Record<VictimField, string>>;
  /** The published date of rows without a date of death. */
  published?: string;
}

function mapper(file: string, input: VictimImportInput): RowMapper<VictimHeader> {
  return {
    source: 'victims',
    version: 'import:victims/1',
    header(cells) {
      const columns = cells.map((c) => c.trim());
      const lower = columns.map((c) => c.toLowerCase());
      const index: VictimHeader['index'] = {};
      const problems: string[] = [];
      for (const field of VICTIM_FIELDS) {
        const wanted = input.columnMap?.[field];
        if (wanted !== undefined) {
          const i = lower.indexOf(wanted.toLowerCase());
          if (i < 0) problems.push(`column ${wanted}: not in the header (--map ${field}=${wanted}); the header has ${columns.join(', ')}`);
          else index[field] = i;
          continue;
        }
        const i = lower.findIndex((c) => SYNONYMS[field].includes(c));
        if (i >= 0) index[field] = i;
      }
      if (index.name === undefined && input.columnMap?.name === undefined) problems.push(`missing required column name (or map one: --map name="Full Name"); the header has ${columns.join(', ')}`);
      return problems.length ? { ok: false, problems } : { ok: true, header: { columns, index } };
    },
    row(h, cells) {
      const problems: CellProblem[] = [];
      if (cells.length !== h.columns.length) return { ok: false, problems: [{ column: '(row)', message: `expected ${h.columns.length} cells, got ${cells.length}` }] };
      const get = (f: VictimField) => (h.index[f] === undefined ? '' : cells[h.index[f]!]!.trim());
      const col = (f: VictimField) => (h.index[f] === undefined ? f : h.columns[h.index[f]!]!);
      const bad = (f: VictimField, expected: string) => problems.push({ column: col(f), message: `expected ${expected}, got ${JSON.stringify(get(f).slice(0, 60))}` });
      const name = get('name');
      if (!name) bad('name', 'a name');
      const sexText = get('sex').toLowerCase();
      const sex = sexText === '' || sexText === 'unknown' ? null : (SEX[sexText] ?? undefined);
      if (sex === undefined) bad('sex', 'male, female (m, f) or nothing');
      const ageText = get('age');
      const age = ageText === '' ? null : /^\d{1,3}$/.test(ageText) && Number(ageText) <= 130 ? Number(ageText) : undefined;
      if (age === undefined) bad('age', 'a whole number of years from 0 to 130, or nothing');
      const dateText = get('date');
      const date = dateText === '' ? null : parseAcledDate(dateText)?.day;
      if (date === undefined) bad('date', `a date (${DATE_EXAMPLES}) or nothing`);
      const published = date ?? input.published;
      if (!published && date !== undefined) bad('date', 'a date of death (or give --published for rows without one)');
      const catText = get('category').toLowerCase();
      const category = CATEGORY[catText] ?? (CATEGORIES as readonly string[]).find((c) => c.toLowerCase() === catText) as Category | undefined;
      if (!category) bad('category', `civilian, state forces, fighter or unknown (${CATEGORIES.join(', ')})`);
      if (problems.length || !published || sex === undefined || age === undefined || date === undefined || !category) return { ok: false, problems };
      const placeName = get('place');
      const fields = { name, sex, age, date: date ? { start: date, end: date } : null, category };
      const key = get('id') || `row:${sha256Hex(JSON.stringify([name, sex, age, date, placeName, category, get('origin'), get('occupation'), get('cause'), get('source')])).slice(0, 32)}`;
      const data = {
        kind: 'victim',
        id: key,
        spans: [],
        rules: ['import.victims'],
        warnings: [],
        ...fields,
        origin: get('origin') || null,
        occupation: get('occupation') || null,
        cause: get('cause') || null,
        place: placeName ? { name: placeName, aliases: [], geonameId: null, featureCode: '', country: '', admin1: null, admin2: null, lat: null, lon: null, geoPrecision: 1, role: 'event', spans: [] } : null,
        incident: null,
        victims: { source: get('source') || null, raw: Object.fromEntries(h.columns.map((c, i) => [c, cells[i]!])) },
      };
      const outlet = (get('source') || file.split('/').pop() || 'victims list').replace(/[\r\n]+/g, ' ');
      const body = h.columns.map((c, i) => `${c}: ${cells[i]!.replace(/\r?\n/g, ' ')}`).join('\n');
      return { ok: true, row: { key, reportText: `outlet: ${outlet}\npublished: ${published}\nurl: unknown\n\n${body}\n`, outlet, published, kind: 'victim', data } };
    },
    changed(before, after) {
      return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
    },
  };
}

export function importVictims(deps: AppDeps, input: VictimImportInput): Promise<CsvImportOutput> {
  if (input.published !== undefined && !isCalendarDate(input.published)) throw new MarsadError('invalid_input', `--published ${input.published}: expected YYYY-MM-DD`);
  return runCsvImport(deps, mapper(input.file, input), input);
}
