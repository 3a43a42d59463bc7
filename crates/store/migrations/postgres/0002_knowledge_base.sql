-- GFCE Hub knowledge base (PostgreSQL): actors replace members (a member is an actor that has joined),
-- projects, tools and publications, country facts, and child tables shared by every kind of
-- record. A record's id is a UUID, unique across kinds, so child rows need no kind column; they are
-- deleted with their record by the store, since one child table serves several parent tables.

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
    founding    BIGINT NOT NULL DEFAULT 0 CHECK (founding IN (0, 1)),
    website     TEXT,
    listed_as   TEXT,
    iati_ref    TEXT,
    search_text TEXT NOT NULL,
    sort_en     TEXT COLLATE "C" NOT NULL,
    sort_vi     TEXT COLLATE "C" NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (name_en IS NOT NULL OR name_vi IS NOT NULL),
    CHECK ((membership IS NULL) = (joined_on IS NULL))
);
CREATE INDEX actors_kind ON actors (kind);
CREATE INDEX actors_membership ON actors (membership);
CREATE INDEX actors_country ON actors (country);
CREATE INDEX actors_sort_en ON actors (sort_en);
CREATE INDEX actors_sort_vi ON actors (sort_vi);
CREATE UNIQUE INDEX actors_iati_ref ON actors (iati_ref) WHERE iati_ref IS NOT NULL;

INSERT INTO actors (id, slug, kind, name_en, name_vi, short_name, country, membership, joined_on, founding, website,
                    listed_as, search_text, sort_en, sort_vi, created_at, updated_at)
SELECT id, slug, kind, name_en, name_vi, short_name, country,
       CASE WHEN kind IN ('country', 'intergovernmental', 'international', 'company') THEN 'member' ELSE 'partner' END,
       joined_on, founding, website, listed_as, search_text, sort_en, sort_vi, created_at, updated_at
FROM members;

CREATE TABLE record_themes (
    record_id TEXT NOT NULL,
    theme_id  TEXT NOT NULL REFERENCES themes (id),
    PRIMARY KEY (record_id, theme_id)
);
CREATE INDEX record_themes_theme ON record_themes (theme_id);
INSERT INTO record_themes (record_id, theme_id) SELECT member_id, theme_id FROM member_themes;

DROP TABLE member_themes;
DROP TABLE members;
UPDATE change_log SET entity = 'actor' WHERE entity = 'member';

CREATE TABLE projects (
    id              TEXT PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE,
    title_en        TEXT,
    title_vi        TEXT,
    summary_en      TEXT,
    summary_vi      TEXT,
    description_en  TEXT,
    description_vi  TEXT,
    status          TEXT NOT NULL CHECK (status IN ('planned', 'ongoing', 'completed')),
    starts_on       TEXT,
    ends_on         TEXT,
    budget_amount   TEXT,
    budget_currency TEXT,
    iati_identifier TEXT,
    source_url      TEXT,
    search_text     TEXT NOT NULL,
    sort_en         TEXT COLLATE "C" NOT NULL,
    sort_vi         TEXT COLLATE "C" NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (title_en IS NOT NULL OR title_vi IS NOT NULL),
    CHECK ((budget_amount IS NULL) = (budget_currency IS NULL)),
    CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX projects_status ON projects (status);
CREATE INDEX projects_starts_on ON projects (starts_on);
CREATE INDEX projects_sort_en ON projects (sort_en);
CREATE INDEX projects_sort_vi ON projects (sort_vi);
CREATE INDEX projects_updated_at ON projects (updated_at);
CREATE UNIQUE INDEX projects_iati ON projects (iati_identifier) WHERE iati_identifier IS NOT NULL;

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
    sort_en      TEXT COLLATE "C" NOT NULL,
    sort_vi      TEXT COLLATE "C" NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    CHECK (title_en IS NOT NULL OR title_vi IS NOT NULL)
);
CREATE INDEX resources_type ON resources (type, kind);
CREATE INDEX resources_sort_en ON resources (sort_en);
CREATE INDEX resources_sort_vi ON resources (sort_vi);

-- An actor's part in a project (funder, implementer, partner), a resource (author, publisher) or an
-- event (organiser), in the order given.
CREATE TABLE contributions (
    record_id TEXT NOT NULL,
    actor_id  TEXT NOT NULL REFERENCES actors (id),
    role      TEXT NOT NULL CHECK (role IN ('funder', 'implementer', 'partner', 'author', 'publisher', 'organiser')),
    position  BIGINT NOT NULL,
    PRIMARY KEY (record_id, actor_id, role)
);
CREATE INDEX contributions_actor ON contributions (actor_id, role);

-- Beneficiary countries of a project.
CREATE TABLE record_countries (
    record_id TEXT NOT NULL,
    country   TEXT NOT NULL REFERENCES countries (code),
    position  BIGINT NOT NULL,
    PRIMARY KEY (record_id, country)
);
CREATE INDEX record_countries_country ON record_countries (country);

CREATE TABLE record_regions (
    record_id TEXT NOT NULL,
    region    TEXT NOT NULL REFERENCES regions (code),
    position  BIGINT NOT NULL,
    PRIMARY KEY (record_id, region)
);
CREATE INDEX record_regions_region ON record_regions (region);

CREATE TABLE record_languages (
    record_id TEXT NOT NULL,
    language  TEXT NOT NULL,
    position  BIGINT NOT NULL,
    PRIMARY KEY (record_id, language)
);
CREATE INDEX record_languages_language ON record_languages (language);

CREATE TABLE record_tags (
    record_id TEXT NOT NULL,
    tag       TEXT NOT NULL,
    position  BIGINT NOT NULL,
    PRIMARY KEY (record_id, tag)
);
CREATE INDEX record_tags_tag ON record_tags (tag);

CREATE TABLE record_links (
    record_id TEXT NOT NULL,
    position  BIGINT NOT NULL,
    url       TEXT NOT NULL,
    label     TEXT,
    PRIMARY KEY (record_id, position)
);

CREATE TABLE country_facts (
    country    TEXT NOT NULL REFERENCES countries (code),
    kind       TEXT NOT NULL CHECK (kind IN ('strategy', 'cert', 'data_protection_law', 'cybercrime_law')),
    title_en   TEXT,
    title_vi   TEXT,
    year       BIGINT,
    source_url TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (country, kind),
    CHECK (title_en IS NOT NULL OR title_vi IS NOT NULL)
);
