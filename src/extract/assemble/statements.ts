// Sentence-level statements: the casualty figures of one sentence folded into "N killed (by category), M injured".
import type { ByCategory, Category, Qualifier, Span } from '../../domain/types.js';
import type { CasualtyFigure, Quantity } from '../stages/casualties.js';

/** One "how many died" statement: one figure group of one sentence, with its parts. */
export interface Statement extends Quantity {
  sentence: number;
  /** The category of the whole ("52 civilians"), when the noun says it. */
  category: Category | null;
  byCategory: ByCategory;
  /** Parts stated with "including …" that should sum to the whole. */
  partsTotal: number;
  cumulative: boolean;
  backReference: boolean;
  /** A coder's total for the whole report ("Fatalities coded as 10"). */
  coded: boolean;
  /** Deaths added to a count already given ("the bodies of 17 more"). */
  increment: boolean;
  injured: number | null;
  missing: number | null;
  spans: Span[];
  rules: string[];
  figures: CasualtyFigure[];
  /** Categories of the subsets named beside it ("nine of whom were children"): a hint of who died. */
  subsetCategories: Category[];
}

function addCategory(by: ByCategory, category: Category | null, n: number): void {
  const key = category ?? 'unknown';
  by[key] = (by[key] ?? 0) + n;
}

function combineQualifier(a: Qualifier, b: Qualifier): Qualifier {
  if (a === b) return a;
  if (a === 'exact') return b;
  if (b === 'exact') return a;
  return 'approx';
}

function subsetCategoriesOf(figures: CasualtyFigure[]): Category[] {
  return [...new Set(figures.filter((f) => f.role === 'subset' && f.category).map((f) => f.category!))];
}

/** Folds one sentence's figures into statements: list groups sum, "including" parts split the whole, subsets are dropped. */
export function statementsOf(figures: CasualtyFigure[]): Statement[] {
  // Most sentences have no figure: nothing to fold, and no lists or maps to build for it.
  if (figures.length === 0) return [];
  const killed = figures.filter((f) => f.outcome === 'killed');
  const injured = figures.filter((f) => f.outcome === 'injured' && f.role !== 'subset');
  const missing = figures.filter((f) => f.outcome === 'missing' && f.role !== 'subset');
  const statements: Statement[] = [];
  const groups = new Map<number, CasualtyFigure[]>();
  const subsets = new Map<number, CasualtyFigure[]>();
  for (const f of killed) {
    if (f.role === 'subset') {
      subsets.set(f.group, [...(subsets.get(f.group) ?? []), f]);
      continue;
    }
    const list = groups.get(f.group) ?? [];
    list.push(f);
    groups.set(f.group, list);
  }
  let current: Statement | null = null;
  for (const list of groups.values()) {
    const wholes = list.filter((f) => f.role === 'whole');
    const parts = list.filter((f) => f.role === 'part');
    if (wholes.length === 0 && current && parts.length > 0) {
      // "including 36 security personnel, 32 fighters and four civilians": parts of the statement before.
      for (const p of parts) addCategory(current.byCategory, p.category, p.value);
      current.partsTotal += parts.reduce((s, p) => s + p.value, 0);
      current.figures.push(...parts);
      current.spans.push(...parts.map((p) => p.span));
      continue;
    }
    const members = wholes.length > 0 ? wholes : parts;
    const byCategory: ByCategory = {};
    const categorised = members.length > 1 || members[0]?.category;
    if (categorised) for (const m of members) addCategory(byCategory, m.category, m.value);
    const value = members.reduce((s, m) => s + m.value, 0);
    const statement: Statement = {
      sentence: members[0]!.sentence,
      value,
      low: members.reduce((s, m) => s + m.low, 0),
      high: members.some((m) => m.high === null) ? null : members.reduce((s, m) => s + (m.high ?? 0), 0),
      qualifier: members.map((m) => m.qualifier).reduce(combineQualifier),
      vague: members.some((m) => m.vague),
      category: members.length === 1 ? members[0]!.category : null,
      byCategory,
      partsTotal: 0,
      cumulative: members.some((m) => m.cumulative),
      backReference: members.every((m) => m.backReference),
      coded: members.some((m) => m.coded),
      increment: members.every((m) => m.increment),
      injured: null,
      missing: null,
      spans: members.map((m) => m.span),
      rules: members.length === 1 ? [`casualty:${members[0]!.rule}`] : [...new Set(members.map((m) => `casualty:${m.rule}`)), 'casualty:sum-of-list'],
      figures: [...members],
      subsetCategories: subsetCategoriesOf(figures),
    };
    // Parts in the same group after the whole ("72 killed, including …").
    for (const p of wholes.length > 0 ? parts : []) {
      addCategory(statement.byCategory, p.category, p.value);
      statement.partsTotal += p.value;
      statement.figures.push(p);
    }
    // "26 people, 14 of them soldiers": a subset of armed men in a whole of no side is a stated part; the rest stays
    // unknown. Subsets of civilians ("nine of whom were children") say only who died, as a hint.
    const armedSubsets = (subsets.get(list[0]!.group) ?? []).filter((f) => f.category === 'stateForces' || f.category === 'nonStateFighters');
    const armedTotal = armedSubsets.reduce((s, f) => s + f.value, 0);
    if (wholes.length === 1 && parts.length === 0 && statement.category === null && armedSubsets.length > 0 && armedTotal < value) {
      for (const f of armedSubsets) addCategory(statement.byCategory, f.category, f.value);
      statement.partsTotal += armedTotal;
    }
    statements.push(statement);
    current = statement;
  }
  const first = statements[0];
  if (first) {
    if (injured.length) first.injured = injured.reduce((s, f) => s + f.value, 0);
    if (missing.length) first.missing = missing.reduce((s, f) => s + f.value, 0);
  } else if (injured.length || missing.length) {
    statements.push({
      sentence: (injured[0] ?? missing[0])!.sentence, value: 0, low: 0, high: 0, qualifier: 'exact', vague: false, category: null,
      byCategory: {}, partsTotal: 0, cumulative: false, backReference: false, coded: false, increment: false,
      injured: injured.length ? injured.reduce((s, f) => s + f.value, 0) : null,
      missing: missing.length ? missing.reduce((s, f) => s + f.value, 0) : null,
      spans: [...injured, ...missing].map((f) => f.span), rules: ['casualty:non-fatal'], figures: [...injured, ...missing],
      subsetCategories: [],
    });
  }
  return statements;
}
