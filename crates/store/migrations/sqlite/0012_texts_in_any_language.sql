-- Texts in any language, and the share of a project each country, region and tag stands for.
--
-- A record's texts in English and Vietnamese stay in its own columns; texts in other languages
-- (tagged `fr`, `pt-BR`, `zh-Hant`) go in one child table shared by every kind of record, like the
-- other child tables. A record may now have a title or name in another language only, so the
-- checks that it has one in English or Vietnamese go: SQLite cannot drop a CHECK constraint, so
-- those tables are made again with the same columns, rows and indexes, their rows kept aside
-- meanwhile. Foreign keys that point at actors and revisions are checked when the migration
-- commits, once the rows are back in a table of the name they refer to.

PRAGMA defer_foreign_keys = ON;

CREATE TABLE record_texts (
    record_id TEXT NOT NULL,
    -- The record's field: title, summary, description, name, city.
    field     TEXT NOT NULL,
    -- A BCP 47 tag, never en or vi.
    lang      TEXT NOT NULL,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (record_id, field, lang)
);

-- Hundredths of a per cent (6000 is 60 %), where the source gives one.
ALTER TABLE record_countries ADD COLUMN percentage_hundredths INTEGER
    CHECK (percentage_hundredths BETWEEN 0 AND 10000);
ALTER TABLE record_regions ADD COLUMN percentage_hundredths INTEGER
    CHECK (percentage_hundredths BETWEEN 0 AND 10000);
ALTER TABLE record_tags ADD COLUMN percentage_hundredths INTEGER
    CHECK (percentage_hundredths BETWEEN 0 AND 10000);

CREATE TABLE actors_before AS SELECT * FROM actors;
DROP TABLE actors;
CREATE TABLE actors (
    id          TEXT PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('country', 'intergovernmental', 'international', 'company', 'ngo',
                                              'academia', 'civil_society', 'technical', 'government', 'other')),
    name_en     TEXT,
    name_vi     TEXT,
    short_name  TEXT,
    country     TEXT REFERENCES countries (code),
    membership  TEXT CHECK (membership IN ('member', 'partner')),
    joined_on   TEXT,
    founding    INTEGER NOT NULL DEFAULT 0 CHECK (founding IN (0, 1)),
    website     TEXT,
    listed_as   TEXT,
    iati_ref    TEXT,
    search_text TEXT NOT NULL,
    sort_en     TEXT NOT NULL,
    sort_vi     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK ((membership IS NULL) = (joined_on IS NULL))
);
INSERT INTO actors (id, slug, kind, name_en, name_vi, short_name, country, membership, joined_on, founding,
                    website, listed_as, iati_ref, search_text, sort_en, sort_vi, created_at, updated_at)
SELECT id, slug, kind, name_en, name_vi, short_name, country, membership, joined_on, founding,
       website, listed_as, iati_ref, search_text, sort_en, sort_vi, created_at, updated_at
FROM actors_before;
DROP TABLE actors_before;
CREATE INDEX actors_kind ON actors (kind);
CREATE INDEX actors_membership ON actors (membership);
CREATE INDEX actors_country ON actors (country);
CREATE INDEX actors_sort_en ON actors (sort_en);
CREATE INDEX actors_sort_vi ON actors (sort_vi);
CREATE UNIQUE INDEX actors_iati_ref ON actors (iati_ref) WHERE iati_ref IS NOT NULL;

CREATE TABLE projects_before AS SELECT * FROM projects;
DROP TABLE projects;
CREATE TABLE projects (
    id              TEXT PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE,
    title_en        TEXT,
    title_vi        TEXT,
    summary_en      TEXT,
    summary_vi      TEXT,
    description_en  TEXT,
    description_vi  TEXT,
    status          TEXT NOT NULL CHECK (status IN ('planned', 'ongoing', 'suspended', 'completed', 'cancelled')),
    starts_on       TEXT,
    ends_on         TEXT,
    budget_amount   TEXT,
    budget_currency TEXT,
    iati_identifier TEXT,
    source_url      TEXT,
    search_text     TEXT NOT NULL,
    sort_en         TEXT NOT NULL,
    sort_vi         TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((budget_amount IS NULL) = (budget_currency IS NULL)),
    CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
);
INSERT INTO projects (id, slug, title_en, title_vi, summary_en, summary_vi, description_en, description_vi,
                      status, starts_on, ends_on, budget_amount, budget_currency, iati_identifier,
                      source_url, search_text, sort_en, sort_vi, created_at, updated_at)
SELECT id, slug, title_en, title_vi, summary_en, summary_vi, description_en, description_vi,
       status, starts_on, ends_on, budget_amount, budget_currency, iati_identifier,
       source_url, search_text, sort_en, sort_vi, created_at, updated_at
FROM projects_before;
DROP TABLE projects_before;
CREATE INDEX projects_status ON projects (status);
CREATE INDEX projects_starts_on ON projects (starts_on);
CREATE INDEX projects_sort_en ON projects (sort_en);
CREATE INDEX projects_sort_vi ON projects (sort_vi);
CREATE INDEX projects_updated_at ON projects (updated_at);
CREATE UNIQUE INDEX projects_iati ON projects (iati_identifier) WHERE iati_identifier IS NOT NULL;

CREATE TABLE resources_before AS SELECT * FROM resources;
DROP TABLE resources;
CREATE TABLE resources (
    id           TEXT PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    type         TEXT NOT NULL CHECK (type IN ('tool', 'publication')),
    kind         TEXT NOT NULL CHECK (kind IN ('guide', 'framework', 'toolkit', 'training_course', 'standard',
                                               'software', 'dataset', 'report', 'study', 'policy_paper')),
    title_en     TEXT,
    title_vi     TEXT,
    summary_en   TEXT,
    summary_vi   TEXT,
    published_on TEXT,
    url          TEXT,
    source_url   TEXT,
    search_text  TEXT NOT NULL,
    sort_en      TEXT NOT NULL,
    sort_vi      TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
INSERT INTO resources (id, slug, type, kind, title_en, title_vi, summary_en, summary_vi, published_on, url,
                       source_url, search_text, sort_en, sort_vi, created_at, updated_at)
SELECT id, slug, type, kind, title_en, title_vi, summary_en, summary_vi, published_on, url,
       source_url, search_text, sort_en, sort_vi, created_at, updated_at
FROM resources_before;
DROP TABLE resources_before;
CREATE INDEX resources_type ON resources (type, kind);
CREATE INDEX resources_sort_en ON resources (sort_en);
CREATE INDEX resources_sort_vi ON resources (sort_vi);

CREATE TABLE revisions_before AS SELECT * FROM revisions;
DROP TABLE revisions;
CREATE TABLE revisions (
    id            TEXT PRIMARY KEY,
    -- The record the revision is of: a new one (not in the public tables until published) or one
    -- already published.
    record_id     TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('project', 'tool', 'publication', 'event')),
    -- 1, 2, 3… for each record.
    number        INTEGER NOT NULL,
    state         TEXT NOT NULL
                  CHECK (state IN ('draft', 'submitted', 'returned', 'published', 'replaced', 'discarded',
                                    'withdrawn')),
    slug          TEXT NOT NULL,
    -- The title in English and Vietnamese, where it has them; the document holds every language.
    title_en      TEXT,
    title_vi      TEXT,
    -- The whole record as the JSON dataset writes it.
    document      TEXT NOT NULL,
    -- The published record the revision was started from, to show what it changes.
    base          TEXT,
    -- The actor it is submitted for (by slug); none for an administrator's own.
    owner_actor   TEXT,
    author_id     TEXT REFERENCES users (id),
    -- The curator's comment when it was last returned.
    comment       TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    submitted_at  TEXT,
    UNIQUE (record_id, number)
);
INSERT INTO revisions (id, record_id, kind, number, state, slug, title_en, title_vi, document, base,
                       owner_actor, author_id, comment, created_at, updated_at, submitted_at)
SELECT id, record_id, kind, number, state, slug, title_en, title_vi, document, base,
       owner_actor, author_id, comment, created_at, updated_at, submitted_at
FROM revisions_before;
DROP TABLE revisions_before;
CREATE INDEX revisions_state ON revisions (state, submitted_at);
CREATE INDEX revisions_owner ON revisions (owner_actor, updated_at);
CREATE INDEX revisions_author ON revisions (author_id, updated_at);
CREATE INDEX revisions_slug ON revisions (kind, slug);
-- At most one revision of a record is on its way at a time.
CREATE UNIQUE INDEX revisions_one_in_progress ON revisions (record_id)
    WHERE state IN ('draft', 'submitted', 'returned');
