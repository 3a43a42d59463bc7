-- GFCE Hub second factor (SQLite): each user's authenticator secret, their single-use recovery
-- codes, and the sign-ins that passed the password and wait for a code.

-- One row per user who has begun to set up a second factor. Until `enabled_at` is set the secret
-- is pending: it is shown for the app to read and asks for nothing at sign-in.
CREATE TABLE second_factors (
    user_id    TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- The shared secret in base32; it must be read back to check codes, so it cannot be hashed.
    secret     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    enabled_at TEXT,
    -- The last time step whose code was accepted: a code is accepted only for a later step.
    last_step  INTEGER
);

-- Only the SHA-256 of each code is kept; a used code keeps its row with the time it was used.
CREATE TABLE recovery_codes (
    user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   TEXT,
    PRIMARY KEY (user_id, code_hash)
);

-- A sign-in whose password was right, keyed by the SHA-256 of the token in its cookie.
CREATE TABLE pending_logins (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX pending_logins_expiry ON pending_logins (expires_at);
