-- GFCE Hub personal API tokens (SQLite): credentials for the JSON API, sent as
-- `Authorization: Bearer …`. The secret is never stored, only its SHA-256 digest, as for sessions.
-- A token stays through password changes and resets (it is a credential of its own); it ends when
-- it expires or is revoked, is refused while its account is disabled, and goes with its account.

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- What its holder calls it, to tell their tokens apart.
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    -- Writing implies reading, so there are only two sets of scopes.
    scopes       TEXT NOT NULL CHECK (scopes IN ('read', 'read write')),
    created_at   TEXT NOT NULL,
    -- Written at most once a minute, not on every request.
    last_used_at TEXT,
    -- NULL: the token works until it is revoked.
    expires_at   TEXT,
    revoked_at   TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
