// Place and date range, shared by the incidents list, the map, the timeline and the tallies.
import { useEffect, useState } from 'preact/hooks';
import type { Filters } from './api.js';

export function FilterBar({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
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
