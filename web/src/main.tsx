// The shell: who is logged in, the navigation, a hash router, and the filters the map, timeline and tallies share.
import { render, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, mayReview, type Filters, type Me } from './api.js';
import { AuditPage } from './Audit.js';
import { IncidentPage, IncidentsPage } from './Incident.js';
import { LoginPage } from './Login.js';
import { PastePage } from './Paste.js';
import { ReviewPage } from './Review.js';
import { TalliesPage } from './Tallies.js';
import { TimelinePage } from './Timeline.js';
import { TollPage, TollsPage } from './Toll.js';
import './styles.css';

function useHash(): string {
  const [hash, setHash] = useState(location.hash || '#/');
  useEffect(() => {
    const on = () => setHash(location.hash || '#/');
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

/** The map page with Leaflet and the boundaries, loaded when first shown: the rest of the UI stays small. */
function LazyMap(props: { filters: Filters; onFilters: (f: Filters) => void }) {
  const [Page, setPage] = useState<ComponentType<typeof props> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    import('./MapPage.js').then((m) => setPage(() => m.MapPage), (e: Error) => setError(e.message));
  }, []);
  if (error) return <p class="error">{error}</p>;
  return Page ? <Page {...props} /> : <p class="muted">Loading the map…</p>;
}

function App() {
  const hash = useHash();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [filters, setFilters] = useState<Filters>({ place: '', from: '', to: '' });

  useEffect(() => {
    // 401 (not logged in) or anything else: show the login form.
    api.me().then(setMe, () => setMe(null));
  }, []);

  if (me === undefined) return <p class="loading">Loading…</p>;
  if (me === null) return <LoginPage onLogin={setMe} />;

  const reviewer = mayReview(me);
  const [, page = '', arg] = hash.split('/');
  const nav: [string, string, boolean][] = [
    ['paste', 'Add report', reviewer],
    ['review', 'Review queue', reviewer],
    ['incidents', 'Incidents', true],
    ['map', 'Map', true],
    ['timeline', 'Timeline', true],
    ['tallies', 'Tallies', true],
    ['tolls', 'Tolls', true],
    ['audit', 'Audit log', reviewer],
  ];
  const current = page || (reviewer ? 'review' : 'incidents');

  let body;
  switch (current) {
    case 'paste':
      body = reviewer ? <PastePage /> : <Forbidden what="add reports" />;
      break;
    case 'review':
      body = reviewer ? <ReviewPage reportId={arg} /> : <Forbidden what="see the review queue" />;
      break;
    case 'incidents':
      body = arg ? <IncidentPage id={arg} me={me} /> : <IncidentsPage filters={filters} onFilters={setFilters} />;
      break;
    case 'map':
      body = <LazyMap filters={filters} onFilters={setFilters} />;
      break;
    case 'timeline':
      body = <TimelinePage filters={filters} onFilters={setFilters} />;
      break;
    case 'tallies':
      body = <TalliesPage filters={filters} onFilters={setFilters} me={me} />;
      break;
    case 'tolls':
      body = arg ? <TollPage id={arg} me={me} /> : <TollsPage me={me} />;
      break;
    case 'audit':
      body = reviewer ? <AuditPage /> : <Forbidden what="read the audit log" />;
      break;
    default:
      body = <p>No page {current}.</p>;
  }

  return (
    <>
      <header>
        <strong class="brand">marsad</strong>
        <nav>
          {nav
            .filter(([, , shown]) => shown)
            .map(([id, label]) => (
              <a key={id} href={`#/${id}`} class={current === id ? 'active' : ''} data-nav={id}>
                {label}
              </a>
            ))}
        </nav>
        <span class="who" data-role={me.role}>
          {me.name ?? 'public'} · {me.role}{' '}
          {me.via !== 'public' && (
            <button
              class="plain"
              onClick={async () => {
                await api.logout().catch(() => undefined);
                setMe(null);
              }}
            >
              Log out
            </button>
          )}
        </span>
      </header>
      <main data-page={current}>{body}</main>
    </>
  );
}

function Forbidden({ what }: { what: string }) {
  return (
    <p class="forbidden" data-testid="forbidden">
      Your role may not {what}; it needs an analyst or an admin.
    </p>
  );
}

render(<App />, document.getElementById('app')!);
