-- GFCE Hub curation (PostgreSQL): every revision of a project, tool, publication or event on its way
-- from a draft to the public record, and every change of a revision's state. The public tables
-- (projects, resources, events) hold only what was published.

CREATE TABLE revisions (
    id            TEXT PRIMARY KEY,
    -- The record the revision is of: a new one (not in the public tables until published) or one
    -- already published.
    record_id     TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('project', 'tool', 'publication', 'event')),
    -- 1, 2, 3… for each record.
    number        BIGINT NOT NULL,
    state         TEXT NOT NULL
                  CHECK (state IN ('draft', 'submitted', 'returned', 'published', 'replaced', 'discarded',
                                    'withdrawn')),
    slug          TEXT NOT NULL,
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
    UNIQUE (record_id, number),
    CHECK (title_en IS NOT NULL OR title_vi IS NOT NULL)
);
CREATE INDEX revisions_state ON revisions (state, submitted_at);
CREATE INDEX revisions_owner ON revisions (owner_actor, updated_at);
CREATE INDEX revisions_author ON revisions (author_id, updated_at);
CREATE INDEX revisions_slug ON revisions (kind, slug);
-- At most one revision of a record is on its way at a time.
CREATE UNIQUE INDEX revisions_one_in_progress ON revisions (record_id)
    WHERE state IN ('draft', 'submitted', 'returned');

CREATE TABLE revision_history (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    revision_id  TEXT NOT NULL REFERENCES revisions (id),
    from_state   TEXT,
    to_state     TEXT NOT NULL,
    user_id      TEXT REFERENCES users (id),
    at           TEXT NOT NULL,
    comment      TEXT
);
CREATE INDEX revision_history_revision ON revision_history (revision_id, seq);
