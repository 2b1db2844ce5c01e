// Place and date range, shared by the incidents list, the map, the timeline and the tallies.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Filters } from './api.js';

export function FilterBar({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const [draft, setDraft] = useState(filters);
  // Take the filters in only when they change (a link, Clear, another page's filters). The effect also runs once after the
  // first paint: resetting the draft then dropped what was typed in between (seen as a tally applied without its place).
  const shown = useRef(filters);
  useEffect(() => {
    const was = shown.current;
    shown.current = filters;
    if (was.place !== filters.place || was.from !== filters.from || was.to !== filters.to) setDraft(filters);
  }, [filters]);
  return (
    <form
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        onChange(draft);
      }}
    >
      <label>
        Place <input name="place" value={draft.place} placeholder="any" onInput={(e) => setDraft({ ...draft, place: e.currentTarget.value })} />
      </label>
      <label>
        From <input type="date" name="from" value={draft.from} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
      </label>
      <label>
        To <input type="date" name="to" value={draft.to} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
      </label>
      <button type="submit">Apply</button>
      <button type="button" class="plain" onClick={() => onChange({ place: '', from: '', to: '' })}>
        Clear
      </button>
    </form>
  );
}
