// The one schema of marsad as an ordered list of plain SQL migrations, shared by PGlite and PostgreSQL (no PG16+ features).

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Timestamps are text ISO strings written by the application, not database defaults, so the audit hash input is
 * exactly what is stored. Dates of reports are text YYYY-MM-DD for the same reason (no time-zone round trips).
 */
const initial = `
CREATE FUNCTION marsad_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'marsad: % on % is forbidden: nothing is changed or deleted in place', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

-- Only the review columns of a claim may change; what the extractor proposed stays as it was.
CREATE FUNCTION marsad_claim_update_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.extraction_id IS DISTINCT FROM OLD.extraction_id
     OR NEW.report_id IS DISTINCT FROM OLD.report_id OR NEW.ref IS DISTINCT FROM OLD.ref
     OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.data IS DISTINCT FROM OLD.data
     OR NEW.spans IS DISTINCT FROM OLD.spans OR NEW.rules IS DISTINCT FROM OLD.rules
     OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'marsad: only the review state of a claim may change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

CREATE TABLE reports (
  id          bigserial PRIMARY KEY,
  sha256      text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes       bytea NOT NULL,
  size        integer NOT NULL CHECK (size = octet_length(bytes)),
  outlet      text NOT NULL,
  url         text NOT NULL,
  published   text NOT NULL CHECK (published ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  language    text NOT NULL,
  source      text,
  ingested_at text NOT NULL,
  ingested_by text NOT NULL
);

CREATE TABLE extractions (
  id                bigserial PRIMARY KEY,
  report_id         bigint NOT NULL REFERENCES reports(id),
  extractor_version text NOT NULL,
  warnings          jsonb NOT NULL DEFAULT '[]',
  created_at        text NOT NULL,
  created_by        text NOT NULL
);
CREATE INDEX extractions_report ON extractions (report_id, id);

CREATE TABLE claims (
  id            bigserial PRIMARY KEY,
  extraction_id bigint NOT NULL REFERENCES extractions(id),
  report_id     bigint NOT NULL REFERENCES reports(id),
  ref           text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('incident', 'toll', 'victim')),
  status        text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'corrected', 'rejected')),
  data          jsonb NOT NULL,
  corrected     jsonb,
  spans         jsonb NOT NULL DEFAULT '[]',
  rules         jsonb NOT NULL DEFAULT '[]',
  created_at    text NOT NULL,
  decided_at    text,
  decided_by    text,
  UNIQUE (extraction_id, ref),
  CHECK ((status = 'corrected') = (corrected IS NOT NULL))
);
CREATE INDEX claims_queue ON claims (status, id);
CREATE INDEX claims_report ON claims (report_id, id);

CREATE TABLE users (
  name       text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  role       text NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at text NOT NULL,
  created_by text NOT NULL
);

CREATE TABLE reviews (
  id        bigserial PRIMARY KEY,
  claim_id  bigint NOT NULL REFERENCES claims(id),
  user_name text NOT NULL REFERENCES users(name),
  action    text NOT NULL CHECK (action IN ('confirm', 'correct', 'reject')),
  comment   text,
  before    jsonb NOT NULL,
  after     jsonb NOT NULL,
  at        text NOT NULL
);
CREATE INDEX reviews_claim ON reviews (claim_id, id);

CREATE TABLE audit_log (
  seq       bigserial PRIMARY KEY,
  at        text NOT NULL,
  actor     text NOT NULL,
  action    text NOT NULL,
  entity    text NOT NULL,
  entity_id text NOT NULL,
  before    jsonb,
  after     jsonb,
  prev_hash text NOT NULL,
  hash      text NOT NULL UNIQUE
);
CREATE INDEX audit_entity ON audit_log (entity, entity_id, seq);

-- Append-only tables: no UPDATE, DELETE or TRUNCATE. Claims and users may be updated (review state, role) but
-- never deleted: a rejected claim stays, marked.
CREATE TRIGGER reports_append_only BEFORE UPDATE OR DELETE ON reports FOR EACH ROW EXECUTE FUNCTION marsad_forbid_change();
CREATE TRIGGER reports_no_truncate BEFORE TRUNCATE ON reports FOR EACH STATEMENT EXECUTE FUNCTION marsad_forbid_change();
CREATE TRIGGER extractions_append_only BEFORE UPDATE OR DELETE ON extractions FOR EACH ROW EXECUTE FUNCTION marsad_forbid_change();
CREATE TRIGGER extractions_no_truncate BEFORE TRUNCATE ON extractions FOR EACH STATEMENT EXECUTE FUNCTION marsad_forbid_change();
CREATE TRIGGER claims_no_delete BEFORE DELETE ON claims FOR EACH ROW EXECUTE FUNCTION marsad_forbid_change();
CREATE TRIGGER claims_no_truncate BEFORE TRUNCATE ON claims FOR EACH STATEMENT EXECUTE FUNCTION marsad_forbid_change();
CREATE TRIGGER claims_update_guard BEFORE UPDATE ON claims FOR EACH ROW EXECUTE FUNCTION marsad_claim_update_guard();
CREATE TRIGGER users_no_delete BEFORE DELETE ON users FOR EACH ROW EXECUTE FUNCTION marsad_forbid_change();
CREATE TRIGGER users_no_truncate BEFORE TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION marsad_forbid_change();
CREATE TRIGGER reviews_append_only BEFORE UPDATE OR DELETE ON reviews FOR EACH ROW EXECUTE FUNCTION marsad_forbid_change();
CREATE TRIGGER reviews_no_truncate BEFORE TRUNCATE ON reviews FOR EACH STATEMENT EXECUTE FUNCTION marsad_forbid_change();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION marsad_forbid_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION marsad_forbid_change();
`;

/**
 * Version 2 (issue 4): the analysts' link decisions. Proposals are computed on demand from the stored claims; only the
 * decisions (merge, split, undo) are acts, kept append-only. A pair is stored in order (a < b); the latest decision
 * per (kind, a, b) wins and an undo is a later row, never an edit.
 */
const linkDecisions = `
CREATE TABLE link_decisions (
  id        bigserial PRIMARY KEY,
  kind      text NOT NULL CHECK (kind IN ('incident', 'victim')),
  a         bigint NOT NULL REFERENCES claims(id),
  b         bigint NOT NULL REFERENCES claims(id),
  verdict   text NOT NULL CHECK (verdict IN ('merge', 'split', 'undo')),
  user_name text NOT NULL REFERENCES users(name),
  at        text NOT NULL,
  comment   text,
  CHECK (a < b)
);
CREATE INDEX link_decisions_pair ON link_decisions (kind, a, b, id);

CREATE TRIGGER link_decisions_append_only BEFORE UPDATE OR DELETE ON link_decisions FOR EACH ROW EXECUTE FUNCTION marsad_forbid_change();
CREATE TRIGGER link_decisions_no_truncate BEFORE TRUNCATE ON link_decisions FOR EACH STATEMENT EXECUTE FUNCTION marsad_forbid_change();
`;

/**
 * Version 3 — imports. `imported_events` records which claim stands for an event of an outside dataset (an ACLED
 * event_id_cnty, a victims-list id) and with which values (the fingerprint): re-importing the same values changes
 * nothing, other values add a new claim that supersedes the old one (never an in-place overwrite). System users that
 * sign imports are named `import:<source>` (no token anyone knows), so the user name check admits that one form.
 */
const imports = `
ALTER TABLE users DROP CONSTRAINT users_name_check;
ALTER TABLE users ADD CONSTRAINT users_name_check CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' OR name ~ '^import:[a-z0-9-]{1,32}$');

CREATE TABLE imported_events (
  id          bigserial PRIMARY KEY,
  source      text NOT NULL CHECK (source ~ '^[a-z0-9-]{1,32}$'),
  key         text NOT NULL,
  fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  claim_id    bigint NOT NULL UNIQUE REFERENCES claims(id),
  report_id   bigint NOT NULL REFERENCES reports(id),
  supersedes  bigint REFERENCES claims(id),
  file        text NOT NULL,
  row_number  integer NOT NULL,
  imported_at text NOT NULL,
  imported_by text NOT NULL
);
CREATE INDEX imported_events_key ON imported_events (source, key, id);
CREATE TRIGGER imported_events_append_only BEFORE UPDATE OR DELETE ON imported_events FOR EACH ROW EXECUTE FUNCTION marsad_forbid_change();
CREATE TRIGGER imported_events_no_truncate BEFORE TRUNCATE ON imported_events FOR EACH STATEMENT EXECUTE FUNCTION marsad_forbid_change();
`;

/**
 * Version 4 — tallies at scale. A tally reads only the claims near its place and window, not every counted claim:
 * `marsad_place_terms` lists what the place filter and the linking neighbourhood look up in a claim's places (or a
 * victim's place) — `k:` + the place key of every name, alias, admin1 and admin2 (as `placeKey` folds them for ASCII
 * names; any other script gives `k:*`, always a candidate, so the SQL filter is a superset and the application
 * decides), `a:country|admin1`, `g:` + the unshifted 0.25° grid cell of coordinates, `c:country` for a place known
 * only by its country. Dates are indexed as text (ISO days sort as strings) for window overlap.
 */
const tallyScale = `
CREATE FUNCTION marsad_place_terms(doc jsonb) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  places jsonb;
  p jsonb;
  a jsonb;
  has_admin1 boolean;
  names text[];
  s text;
  toks text[];
  t text;
  n int;
  k text[];
  out text[] := '{}';
BEGIN
  places := CASE WHEN jsonb_typeof(doc->'places') = 'array' THEN doc->'places'
                 WHEN jsonb_typeof(doc->'place') = 'object' THEN jsonb_build_array(doc->'place')
                 ELSE '[]'::jsonb END;
  FOR p IN SELECT e FROM jsonb_array_elements(places) e LOOP
    CONTINUE WHEN jsonb_typeof(p) <> 'object';
    names := '{}';
    IF jsonb_typeof(p->'name') = 'string' THEN names := names || (p->>'name'); END IF;
    IF jsonb_typeof(p->'aliases') = 'array' THEN
      FOR a IN SELECT e FROM jsonb_array_elements(p->'aliases') e LOOP
        IF jsonb_typeof(a) = 'string' THEN names := names || (a #>> '{}'); END IF;
      END LOOP;
    END IF;
    IF jsonb_typeof(p->'admin2') = 'string' THEN names := names || (p->>'admin2'); END IF;
    has_admin1 := jsonb_typeof(p->'admin1') = 'string' AND p->>'admin1' <> '';
    IF has_admin1 THEN
      names := names || (p->>'admin1');
      out := out || ('a:' || coalesce(p->>'country', '') || '|' || (p->>'admin1'));
    END IF;
    -- The place key of each name, as placeKey (src/gazetteer/normalize.ts) folds ASCII; other scripts: "*".
    FOREACH s IN ARRAY names LOOP
      IF s ~ '[^\\x01-\\x7f]' THEN
        out := out || 'k:*'::text;
        CONTINUE;
      END IF;
      toks := regexp_split_to_array(btrim(regexp_replace(regexp_replace(lower(s), '[''\`]', '', 'g'), '[^a-z0-9]+', ' ', 'g')), ' ');
      n := coalesce(array_length(toks, 1), 0);
      k := '{}';
      FOR i IN 1..n LOOP
        t := toks[i];
        CONTINUE WHEN t = '';
        CONTINUE WHEN i < n AND t IN ('al', 'el', 'ash', 'as', 'ad', 'ar', 'at', 'az', 'an', 'ath', 'adh', 'ez', 'es', 'ed', 'et', 'en', 'ul');
        t := regexp_replace(t, '(.)\\1+', '\\1', 'g');
        IF length(t) > 2 AND right(t, 1) = 'h' THEN t := left(t, -1); END IF;
        k := k || t;
      END LOOP;
      out := out || ('k:' || array_to_string(k, ' '));
    END LOOP;
    IF jsonb_typeof(p->'lat') = 'number' AND jsonb_typeof(p->'lon') = 'number' THEN
      out := out || ('g:' || floor((p->>'lat')::float8 / 0.25)::bigint || ',' || floor((p->>'lon')::float8 / 0.25)::bigint);
    ELSIF NOT has_admin1 AND jsonb_typeof(p->'country') = 'string' THEN
      out := out || ('c:' || (p->>'country'));
    END IF;
  END LOOP;
  RETURN out;
END $$;

CREATE INDEX claims_place_terms ON claims USING gin (marsad_place_terms(coalesce(corrected, data)));
CREATE INDEX claims_date_start ON claims (kind, (coalesce(corrected, data)->'date'->>'start'));
CREATE INDEX claims_date_end ON claims (kind, (coalesce(corrected, data)->'date'->>'end'));
CREATE INDEX claims_extraction ON claims (extraction_id, kind);
`;

/**
 * Version 5 — toll coverage and decisions that survive re-extraction. `toll_decisions` are an analyst's attach /
 * detach of an incident claim to a toll claim (which incidents a toll sums), append-only like link decisions: the
 * latest per (toll, incident) wins and an undo is a later row. `carried_from` marks a decision or a review that
 * `marsad reextract` copied from a claim of the earlier extraction to its successor (the same value in the new one):
 * the original row stays, the copy names it.
 */
const tollCoverage = `
CREATE TABLE toll_decisions (
  id           bigserial PRIMARY KEY,
  toll         bigint NOT NULL REFERENCES claims(id),
  incident     bigint NOT NULL REFERENCES claims(id),
  verdict      text NOT NULL CHECK (verdict IN ('attach', 'detach', 'undo')),
  user_name    text NOT NULL REFERENCES users(name),
  at           text NOT NULL,
  comment      text,
  carried_from bigint REFERENCES toll_decisions(id),
  CHECK (toll <> incident)
);
CREATE INDEX toll_decisions_pair ON toll_decisions (toll, incident, id);
CREATE INDEX toll_decisions_incident ON toll_decisions (incident);
CREATE TRIGGER toll_decisions_append_only BEFORE UPDATE OR DELETE ON toll_decisions FOR EACH ROW EXECUTE FUNCTION marsad_forbid_change();
CREATE TRIGGER toll_decisions_no_truncate BEFORE TRUNCATE ON toll_decisions FOR EACH STATEMENT EXECUTE FUNCTION marsad_forbid_change();

ALTER TABLE link_decisions ADD COLUMN carried_from bigint REFERENCES link_decisions(id);
ALTER TABLE reviews ADD COLUMN carried_from bigint REFERENCES reviews(id);
CREATE INDEX link_decisions_b ON link_decisions (b);
CREATE INDEX link_decisions_carried ON link_decisions (carried_from) WHERE carried_from IS NOT NULL;
CREATE INDEX toll_decisions_carried ON toll_decisions (carried_from) WHERE carried_from IS NOT NULL;
`;

/**
 * Version 7 — a schema for scratch tables. A CSV import's validation pass writes one row per file row into its own
 * unlogged table there (key, hash of the cells, row number) and finds repeated keys with SQL, so memory stays flat
 * however many distinct keys the file has; the table is dropped when the import ends. Outside `public`, so dumps
 * never see it. (Version 6 is left to the read-model indexes.)
 */
const importScratch = `
CREATE SCHEMA IF NOT EXISTS import_scratch;
`;

/** Append only: never edit a migration that has shipped; add the next version instead. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: initial },
  { version: 2, name: 'link decisions', sql: linkDecisions },
  { version: 3, name: 'imports', sql: imports },
  { version: 4, name: 'tally indexes', sql: tallyScale },
  { version: 5, name: 'toll coverage and carried decisions', sql: tollCoverage },
  { version: 7, name: 'import scratch schema', sql: importScratch },
];
