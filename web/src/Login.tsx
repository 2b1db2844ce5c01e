// Log in with an API token (from `marsad user add`); the server answers with a session cookie.
import { useState } from 'preact/hooks';
import { api, type Me } from './api.js';

export function LoginPage({ onLogin }: { onLogin: (me: Me) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <main class="login" data-page="login">
      <h1>marsad</h1>
      <p>Reports of violence, reviewed and sourced. Log in with the token that <code>marsad user add</code> printed.</p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            onLogin(await api.login(token.trim()));
            if (!location.hash) location.hash = '#/';
          } catch (err) {
            setError((err as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <label>
          Token <input name="token" type="password" autocomplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy || !token.trim()}>
          Log in
        </button>
        {error && <p class="error">{error}</p>}
      </form>
    </main>
  );
}
