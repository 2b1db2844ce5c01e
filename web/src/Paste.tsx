// Paste a report: its text, publication date and outlet; stored, extracted, and its claims queued for review.
import { useState } from 'preact/hooks';
import { api, type Ingested } from './api.js';

export function PastePage() {
  const [text, setText] = useState('');
  const [published, setPublished] = useState(new Date().toISOString().slice(0, 10));
  const [outlet, setOutlet] = useState('');
  const [url, setUrl] = useState('');
  const [result, setResult] = useState<Ingested | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section class="paste">
      <h1>Add a report</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          setResult(null);
          try {
            setResult(await api.paste({ text, published, outlet, ...(url.trim() ? { url: url.trim() } : {}) }));
          } catch (err) {
            setError((err as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <div class="row">
          <label>
            Outlet <input name="outlet" required value={outlet} onInput={(e) => setOutlet(e.currentTarget.value)} />
          </label>
          <label>
            Published <input name="published" type="date" required value={published} onInput={(e) => setPublished(e.currentTarget.value)} />
          </label>
          <label class="grow">
            URL <input name="url" value={url} placeholder="optional" onInput={(e) => setUrl(e.currentTarget.value)} />
          </label>
        </div>
        <label class="block">
          Text
          <textarea name="text" rows={18} required value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Extracting…' : 'Store and extract'}
        </button>
      </form>
      {error && <p class="error">{error}</p>}
      {result && (
        <p class="ok" data-testid="ingested">
          {result.status === 'stored' ? 'Stored' : 'Already stored'} as {result.report} with {result.claims.length} claim(s).{' '}
          <a href={`#/review/${result.report}`}>Review them</a>
        </p>
      )}
    </section>
  );
}
