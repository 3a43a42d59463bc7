-- GFCE Hub membership applications (SQLite): what an organisation sends to join, the themes it
-- is interested in, and every change of its state (who decided, when, and why).

CREATE TABLE applications (
    id                TEXT PRIMARY KEY,
    state             TEXT NOT NULL CHECK (state IN ('submitted', 'approved', 'rejected')),
    kind              TEXT NOT NULL,
    name_en           TEXT,
    name_vi           TEXT,
    country           TEXT REFERENCES countries (code),
    website           TEXT,
    contact_name      TEXT NOT NULL,
    contact_email     TEXT NOT NULL,
    motivation        TEXT NOT NULL,
    -- An application exists only with the three founding documents endorsed by this official.
    official_name     TEXT NOT NULL,
    official_title    TEXT NOT NULL,
    -- The language the application was written in, which the mails about it are written in.
    lang              TEXT NOT NULL CHECK (lang IN ('en', 'vi')),
    -- The actor an approval created.
    actor_id          TEXT REFERENCES actors (id),
    submitted_at      TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK (name_en IS NOT NULL OR name_vi IS NOT NULL),
    CHECK ((state = 'approved') = (actor_id IS NOT NULL))
);
CREATE INDEX applications_state ON applications (state, submitted_at);

CREATE TABLE application_themes (
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    theme_id       TEXT NOT NULL REFERENCES themes (id),
    position       INTEGER NOT NULL,
    PRIMARY KEY (application_id, theme_id)
);

-- Every state change, the submission included (from_state is NULL then).
CREATE TABLE application_history (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    from_state     TEXT,
    to_state       TEXT NOT NULL,
    user_id        TEXT REFERENCES users (id),
    at             TEXT NOT NULL,
    reason         TEXT,
    CHECK (to_state <> 'rejected' OR reason IS NOT NULL)
);
CREATE INDEX application_history_application ON application_history (application_id, seq);
