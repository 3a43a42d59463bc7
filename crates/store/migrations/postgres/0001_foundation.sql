-- GFCE Hub foundation: reference data, members, events and the change log (PostgreSQL).
-- Booleans are integers 0/1 and dates and timestamps ISO 8601 text in both databases, so that one
-- code path reads and writes both.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE regions (
    code    TEXT PRIMARY KEY,
    parent  TEXT REFERENCES regions (code),
    level   TEXT NOT NULL CHECK (level IN ('region', 'sub_region', 'intermediate_region')),
    name_en TEXT NOT NULL,
    name_vi TEXT NOT NULL
);

CREATE TABLE countries (
    code                TEXT PRIMARY KEY,
    alpha3              TEXT NOT NULL UNIQUE,
    numeric_code        TEXT NOT NULL UNIQUE,
    name_en             TEXT NOT NULL,
    name_vi             TEXT NOT NULL,
    region              TEXT REFERENCES regions (code),
    sub_region          TEXT REFERENCES regions (code),
    intermediate_region TEXT REFERENCES regions (code)
);

CREATE TABLE themes (
    id             TEXT PRIMARY KEY,
    family         TEXT NOT NULL,
    position       BIGINT NOT NULL,
    name_en        TEXT,
    name_vi        TEXT,
    description_en TEXT,
    description_vi TEXT,
    CHECK (name_en IS NOT NULL OR name_vi IS NOT NULL)
);

CREATE TABLE theme_relations (
    theme_id   TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    related_id TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (theme_id, related_id)
);

CREATE TABLE members (
    id          TEXT PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('country', 'intergovernmental', 'international', 'company',
                                              'ngo', 'academia', 'civil_society', 'technical')),
    name_en     TEXT,
    name_vi     TEXT,
    short_name  TEXT,
    country     TEXT REFERENCES countries (code),
    founding    BIGINT NOT NULL DEFAULT 0 CHECK (founding IN (0, 1)),
    joined_on   TEXT NOT NULL,
    website     TEXT,
    listed_as   TEXT,
    search_text TEXT NOT NULL,
    sort_en     TEXT COLLATE "C" NOT NULL,
    sort_vi     TEXT COLLATE "C" NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (name_en IS NOT NULL OR name_vi IS NOT NULL)
);
CREATE INDEX members_kind ON members (kind);
CREATE INDEX members_country ON members (country);
CREATE INDEX members_sort_en ON members (sort_en);
CREATE INDEX members_sort_vi ON members (sort_vi);

CREATE TABLE member_themes (
    member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    theme_id  TEXT NOT NULL REFERENCES themes (id),
    PRIMARY KEY (member_id, theme_id)
);
CREATE INDEX member_themes_theme ON member_themes (theme_id);

CREATE TABLE event_series (
    id      TEXT PRIMARY KEY,
    name_en TEXT,
    name_vi TEXT
);

CREATE TABLE events (
    id         TEXT PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE,
    series     TEXT NOT NULL REFERENCES event_series (id),
    name_en    TEXT,
    name_vi    TEXT,
    summary_en TEXT,
    summary_vi TEXT,
    starts_on  TEXT NOT NULL,
    ends_on    TEXT NOT NULL,
    city_en    TEXT,
    city_vi    TEXT,
    country    TEXT NOT NULL REFERENCES countries (code),
    url        TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX events_starts_on ON events (starts_on);

-- Every write appends here in its own transaction; the search indexer of each instance follows it.
CREATE TABLE change_log (
    seq       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    at        TEXT NOT NULL
);
