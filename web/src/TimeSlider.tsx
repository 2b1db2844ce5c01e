// A time range as two sliders over the days the incidents span; moving one sets the shared from / to filters.
import type { Filters, Incident } from './api.js';

const DAY = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

export function TimeSlider({ incidents, filters, onFilters }: { incidents: Incident[]; filters: Filters; onFilters: (f: Filters) => void }) {
  const days = incidents.flatMap((i) => (i.date ? [toMs(i.date.start), toMs(i.date.end)] : [])).filter(Number.isFinite);
  if (days.length === 0) return null;
  // A day of margin on each side, so a single day still gives the slider room.
  const min = Math.min(...days) - DAY;
  const max = Math.max(...days) + DAY;
  const span = Math.round((max - min) / DAY);
  const from = filters.from ? Math.round((toMs(filters.from) - min) / DAY) : 0;
  const to = filters.to ? Math.round((toMs(filters.to) - min) / DAY) : span;
  const set = (a: number, b: number) =>
    onFilters({ ...filters, from: a <= 0 ? '' : toDay(min + Math.min(a, b) * DAY), to: b >= span ? '' : toDay(min + Math.max(a, b) * DAY) });
  return (
    <div class="slider" data-testid="time-slider">
      <span>{toDay(min + Math.max(0, Math.min(from, span)) * DAY)}</span>
      <input type="range" aria-label="from" min={0} max={span} value={from} onChange={(e) => set(Number(e.currentTarget.value), to)} />
      <input type="range" aria-label="to" min={0} max={span} value={to} onChange={(e) => set(from, Number(e.currentTarget.value))} />
      <span>{toDay(min + Math.max(0, Math.min(to, span)) * DAY)}</span>
    </div>
  );
}
