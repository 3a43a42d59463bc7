-- GFCE Hub accounts (SQLite): users, their sessions, login attempts (for throttling) and the audit
-- log. Secrets are never stored: passwords as argon2id hashes, session tokens as SHA-256 digests.

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL,
    -- The address folded for lookups, so that one mailbox holds one account.
    email_key     TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'curator', 'representative', 'registered')),
    actor_id      TEXT REFERENCES actors (id),
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK ((role = 'representative') = (actor_id IS NOT NULL))
);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed logins, by account and by address, kept for the throttling window.
CREATE TABLE login_failures (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    scope TEXT NOT NULL,
    at    TEXT NOT NULL
);
CREATE INDEX login_failures_scope ON login_failures (scope, at);

CREATE TABLE audit_log (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    user_id TEXT,
    action  TEXT NOT NULL,
    subject TEXT,
    detail  TEXT
);
