-- GFCE Hub mail (SQLite): the outbox every message is written to, in the transaction that caused
-- it, and the one-time password-reset tokens those messages carry. Tokens are stored as SHA-256
-- digests only.

CREATE TABLE mail (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient       TEXT NOT NULL,
    -- The recipient's language, which the subject and body are written in.
    lang            TEXT NOT NULL CHECK (lang IN ('en', 'vi')),
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    sent_at         TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_attempt_at TEXT NOT NULL,
    -- A sender holds a message until this time; a sender that dies leaves it to another once the
    -- lease has run out.
    claimed_until   TEXT
);
CREATE INDEX mail_pending ON mail (sent_at, next_attempt_at);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
);
CREATE INDEX password_resets_user ON password_resets (user_id);
