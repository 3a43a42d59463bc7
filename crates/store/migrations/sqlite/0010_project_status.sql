-- A project may also be suspended (stopped for a time) or cancelled (stopped for good), as IATI
-- activities are. SQLite cannot change a CHECK constraint, so the table is rebuilt with the new
-- one and the same columns, rows and indexes. No table refers to projects by a foreign key.

CREATE TABLE projects_rebuilt (
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
    CHECK (title_en IS NOT NULL OR title_vi IS NOT NULL),
    CHECK ((budget_amount IS NULL) = (budget_currency IS NULL)),
    CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
);

INSERT INTO projects_rebuilt (id, slug, title_en, title_vi, summary_en, summary_vi, description_en, description_vi,
                              status, starts_on, ends_on, budget_amount, budget_currency, iati_identifier,
                              source_url, search_text, sort_en, sort_vi, created_at, updated_at)
SELECT id, slug, title_en, title_vi, summary_en, summary_vi, description_en, description_vi,
       status, starts_on, ends_on, budget_amount, budget_currency, iati_identifier,
       source_url, search_text, sort_en, sort_vi, created_at, updated_at
FROM projects;

DROP TABLE projects;
ALTER TABLE projects_rebuilt RENAME TO projects;

CREATE INDEX projects_status ON projects (status);
CREATE INDEX projects_starts_on ON projects (starts_on);
CREATE INDEX projects_sort_en ON projects (sort_en);
CREATE INDEX projects_sort_vi ON projects (sort_vi);
CREATE INDEX projects_updated_at ON projects (updated_at);
CREATE UNIQUE INDEX projects_iati ON projects (iati_identifier) WHERE iati_identifier IS NOT NULL;
