-- Every stored time is rewritten to the one width the platform now writes:
-- `YYYY-MM-DDTHH:MM:SS.ffffffZ` (27 characters, UTC, microseconds). Times were written with as
-- many decimals as they had (`…05Z`, `…05.3Z`) in some tables and with six in others, so that
-- ordering by a column as text could put `…05Z` after `…05.3Z`. Every stored time is UTC, with
-- `Z` or `+00:00`; decimals beyond six are dropped, missing ones filled with zeros.
-- The same statements serve both databases.

UPDATE events SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.' || substr(CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 20 - CASE WHEN upper(substr(created_at, length(created_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE created_at IS NOT NULL
  AND (length(created_at) <> 27 OR substr(created_at, 11, 1) <> 'T' OR substr(created_at, 27, 1) <> 'Z');

UPDATE events SET updated_at = substr(updated_at, 1, 10) || 'T' || substr(updated_at, 12, 8) || '.' || substr(CASE WHEN substr(updated_at, 20, 1) = '.' THEN substr(updated_at, 21, length(updated_at) - 20 - CASE WHEN upper(substr(updated_at, length(updated_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE updated_at IS NOT NULL
  AND (length(updated_at) <> 27 OR substr(updated_at, 11, 1) <> 'T' OR substr(updated_at, 27, 1) <> 'Z');

UPDATE change_log SET at = substr(at, 1, 10) || 'T' || substr(at, 12, 8) || '.' || substr(CASE WHEN substr(at, 20, 1) = '.' THEN substr(at, 21, length(at) - 20 - CASE WHEN upper(substr(at, length(at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE at IS NOT NULL
  AND (length(at) <> 27 OR substr(at, 11, 1) <> 'T' OR substr(at, 27, 1) <> 'Z');

UPDATE actors SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.' || substr(CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 20 - CASE WHEN upper(substr(created_at, length(created_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE created_at IS NOT NULL
  AND (length(created_at) <> 27 OR substr(created_at, 11, 1) <> 'T' OR substr(created_at, 27, 1) <> 'Z');

UPDATE actors SET updated_at = substr(updated_at, 1, 10) || 'T' || substr(updated_at, 12, 8) || '.' || substr(CASE WHEN substr(updated_at, 20, 1) = '.' THEN substr(updated_at, 21, length(updated_at) - 20 - CASE WHEN upper(substr(updated_at, length(updated_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE updated_at IS NOT NULL
  AND (length(updated_at) <> 27 OR substr(updated_at, 11, 1) <> 'T' OR substr(updated_at, 27, 1) <> 'Z');

UPDATE projects SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.' || substr(CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 20 - CASE WHEN upper(substr(created_at, length(created_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE created_at IS NOT NULL
  AND (length(created_at) <> 27 OR substr(created_at, 11, 1) <> 'T' OR substr(created_at, 27, 1) <> 'Z');

UPDATE projects SET updated_at = substr(updated_at, 1, 10) || 'T' || substr(updated_at, 12, 8) || '.' || substr(CASE WHEN substr(updated_at, 20, 1) = '.' THEN substr(updated_at, 21, length(updated_at) - 20 - CASE WHEN upper(substr(updated_at, length(updated_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE updated_at IS NOT NULL
  AND (length(updated_at) <> 27 OR substr(updated_at, 11, 1) <> 'T' OR substr(updated_at, 27, 1) <> 'Z');

UPDATE resources SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.' || substr(CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 20 - CASE WHEN upper(substr(created_at, length(created_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE created_at IS NOT NULL
  AND (length(created_at) <> 27 OR substr(created_at, 11, 1) <> 'T' OR substr(created_at, 27, 1) <> 'Z');

UPDATE resources SET updated_at = substr(updated_at, 1, 10) || 'T' || substr(updated_at, 12, 8) || '.' || substr(CASE WHEN substr(updated_at, 20, 1) = '.' THEN substr(updated_at, 21, length(updated_at) - 20 - CASE WHEN upper(substr(updated_at, length(updated_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE updated_at IS NOT NULL
  AND (length(updated_at) <> 27 OR substr(updated_at, 11, 1) <> 'T' OR substr(updated_at, 27, 1) <> 'Z');

UPDATE country_facts SET updated_at = substr(updated_at, 1, 10) || 'T' || substr(updated_at, 12, 8) || '.' || substr(CASE WHEN substr(updated_at, 20, 1) = '.' THEN substr(updated_at, 21, length(updated_at) - 20 - CASE WHEN upper(substr(updated_at, length(updated_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE updated_at IS NOT NULL
  AND (length(updated_at) <> 27 OR substr(updated_at, 11, 1) <> 'T' OR substr(updated_at, 27, 1) <> 'Z');

UPDATE users SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.' || substr(CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 20 - CASE WHEN upper(substr(created_at, length(created_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE created_at IS NOT NULL
  AND (length(created_at) <> 27 OR substr(created_at, 11, 1) <> 'T' OR substr(created_at, 27, 1) <> 'Z');

UPDATE users SET updated_at = substr(updated_at, 1, 10) || 'T' || substr(updated_at, 12, 8) || '.' || substr(CASE WHEN substr(updated_at, 20, 1) = '.' THEN substr(updated_at, 21, length(updated_at) - 20 - CASE WHEN upper(substr(updated_at, length(updated_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE updated_at IS NOT NULL
  AND (length(updated_at) <> 27 OR substr(updated_at, 11, 1) <> 'T' OR substr(updated_at, 27, 1) <> 'Z');

UPDATE sessions SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.' || substr(CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 20 - CASE WHEN upper(substr(created_at, length(created_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE created_at IS NOT NULL
  AND (length(created_at) <> 27 OR substr(created_at, 11, 1) <> 'T' OR substr(created_at, 27, 1) <> 'Z');

UPDATE sessions SET last_seen_at = substr(last_seen_at, 1, 10) || 'T' || substr(last_seen_at, 12, 8) || '.' || substr(CASE WHEN substr(last_seen_at, 20, 1) = '.' THEN substr(last_seen_at, 21, length(last_seen_at) - 20 - CASE WHEN upper(substr(last_seen_at, length(last_seen_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE last_seen_at IS NOT NULL
  AND (length(last_seen_at) <> 27 OR substr(last_seen_at, 11, 1) <> 'T' OR substr(last_seen_at, 27, 1) <> 'Z');

UPDATE login_failures SET at = substr(at, 1, 10) || 'T' || substr(at, 12, 8) || '.' || substr(CASE WHEN substr(at, 20, 1) = '.' THEN substr(at, 21, length(at) - 20 - CASE WHEN upper(substr(at, length(at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE at IS NOT NULL
  AND (length(at) <> 27 OR substr(at, 11, 1) <> 'T' OR substr(at, 27, 1) <> 'Z');

UPDATE audit_log SET at = substr(at, 1, 10) || 'T' || substr(at, 12, 8) || '.' || substr(CASE WHEN substr(at, 20, 1) = '.' THEN substr(at, 21, length(at) - 20 - CASE WHEN upper(substr(at, length(at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE at IS NOT NULL
  AND (length(at) <> 27 OR substr(at, 11, 1) <> 'T' OR substr(at, 27, 1) <> 'Z');

UPDATE mail SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.' || substr(CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 20 - CASE WHEN upper(substr(created_at, length(created_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE created_at IS NOT NULL
  AND (length(created_at) <> 27 OR substr(created_at, 11, 1) <> 'T' OR substr(created_at, 27, 1) <> 'Z');

UPDATE mail SET sent_at = substr(sent_at, 1, 10) || 'T' || substr(sent_at, 12, 8) || '.' || substr(CASE WHEN substr(sent_at, 20, 1) = '.' THEN substr(sent_at, 21, length(sent_at) - 20 - CASE WHEN upper(substr(sent_at, length(sent_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE sent_at IS NOT NULL
  AND (length(sent_at) <> 27 OR substr(sent_at, 11, 1) <> 'T' OR substr(sent_at, 27, 1) <> 'Z');

UPDATE mail SET next_attempt_at = substr(next_attempt_at, 1, 10) || 'T' || substr(next_attempt_at, 12, 8) || '.' || substr(CASE WHEN substr(next_attempt_at, 20, 1) = '.' THEN substr(next_attempt_at, 21, length(next_attempt_at) - 20 - CASE WHEN upper(substr(next_attempt_at, length(next_attempt_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE next_attempt_at IS NOT NULL
  AND (length(next_attempt_at) <> 27 OR substr(next_attempt_at, 11, 1) <> 'T' OR substr(next_attempt_at, 27, 1) <> 'Z');

UPDATE password_resets SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.' || substr(CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 20 - CASE WHEN upper(substr(created_at, length(created_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE created_at IS NOT NULL
  AND (length(created_at) <> 27 OR substr(created_at, 11, 1) <> 'T' OR substr(created_at, 27, 1) <> 'Z');

UPDATE password_resets SET expires_at = substr(expires_at, 1, 10) || 'T' || substr(expires_at, 12, 8) || '.' || substr(CASE WHEN substr(expires_at, 20, 1) = '.' THEN substr(expires_at, 21, length(expires_at) - 20 - CASE WHEN upper(substr(expires_at, length(expires_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE expires_at IS NOT NULL
  AND (length(expires_at) <> 27 OR substr(expires_at, 11, 1) <> 'T' OR substr(expires_at, 27, 1) <> 'Z');

UPDATE password_resets SET used_at = substr(used_at, 1, 10) || 'T' || substr(used_at, 12, 8) || '.' || substr(CASE WHEN substr(used_at, 20, 1) = '.' THEN substr(used_at, 21, length(used_at) - 20 - CASE WHEN upper(substr(used_at, length(used_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE used_at IS NOT NULL
  AND (length(used_at) <> 27 OR substr(used_at, 11, 1) <> 'T' OR substr(used_at, 27, 1) <> 'Z');

UPDATE applications SET submitted_at = substr(submitted_at, 1, 10) || 'T' || substr(submitted_at, 12, 8) || '.' || substr(CASE WHEN substr(submitted_at, 20, 1) = '.' THEN substr(submitted_at, 21, length(submitted_at) - 20 - CASE WHEN upper(substr(submitted_at, length(submitted_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE submitted_at IS NOT NULL
  AND (length(submitted_at) <> 27 OR substr(submitted_at, 11, 1) <> 'T' OR substr(submitted_at, 27, 1) <> 'Z');

UPDATE applications SET updated_at = substr(updated_at, 1, 10) || 'T' || substr(updated_at, 12, 8) || '.' || substr(CASE WHEN substr(updated_at, 20, 1) = '.' THEN substr(updated_at, 21, length(updated_at) - 20 - CASE WHEN upper(substr(updated_at, length(updated_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE updated_at IS NOT NULL
  AND (length(updated_at) <> 27 OR substr(updated_at, 11, 1) <> 'T' OR substr(updated_at, 27, 1) <> 'Z');

UPDATE application_history SET at = substr(at, 1, 10) || 'T' || substr(at, 12, 8) || '.' || substr(CASE WHEN substr(at, 20, 1) = '.' THEN substr(at, 21, length(at) - 20 - CASE WHEN upper(substr(at, length(at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE at IS NOT NULL
  AND (length(at) <> 27 OR substr(at, 11, 1) <> 'T' OR substr(at, 27, 1) <> 'Z');

UPDATE revisions SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.' || substr(CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 20 - CASE WHEN upper(substr(created_at, length(created_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE created_at IS NOT NULL
  AND (length(created_at) <> 27 OR substr(created_at, 11, 1) <> 'T' OR substr(created_at, 27, 1) <> 'Z');

UPDATE revisions SET updated_at = substr(updated_at, 1, 10) || 'T' || substr(updated_at, 12, 8) || '.' || substr(CASE WHEN substr(updated_at, 20, 1) = '.' THEN substr(updated_at, 21, length(updated_at) - 20 - CASE WHEN upper(substr(updated_at, length(updated_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE updated_at IS NOT NULL
  AND (length(updated_at) <> 27 OR substr(updated_at, 11, 1) <> 'T' OR substr(updated_at, 27, 1) <> 'Z');

UPDATE revisions SET submitted_at = substr(submitted_at, 1, 10) || 'T' || substr(submitted_at, 12, 8) || '.' || substr(CASE WHEN substr(submitted_at, 20, 1) = '.' THEN substr(submitted_at, 21, length(submitted_at) - 20 - CASE WHEN upper(substr(submitted_at, length(submitted_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE submitted_at IS NOT NULL
  AND (length(submitted_at) <> 27 OR substr(submitted_at, 11, 1) <> 'T' OR substr(submitted_at, 27, 1) <> 'Z');

UPDATE revision_history SET at = substr(at, 1, 10) || 'T' || substr(at, 12, 8) || '.' || substr(CASE WHEN substr(at, 20, 1) = '.' THEN substr(at, 21, length(at) - 20 - CASE WHEN upper(substr(at, length(at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE at IS NOT NULL
  AND (length(at) <> 27 OR substr(at, 11, 1) <> 'T' OR substr(at, 27, 1) <> 'Z');

UPDATE api_tokens SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.' || substr(CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 20 - CASE WHEN upper(substr(created_at, length(created_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE created_at IS NOT NULL
  AND (length(created_at) <> 27 OR substr(created_at, 11, 1) <> 'T' OR substr(created_at, 27, 1) <> 'Z');

UPDATE api_tokens SET last_used_at = substr(last_used_at, 1, 10) || 'T' || substr(last_used_at, 12, 8) || '.' || substr(CASE WHEN substr(last_used_at, 20, 1) = '.' THEN substr(last_used_at, 21, length(last_used_at) - 20 - CASE WHEN upper(substr(last_used_at, length(last_used_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE last_used_at IS NOT NULL
  AND (length(last_used_at) <> 27 OR substr(last_used_at, 11, 1) <> 'T' OR substr(last_used_at, 27, 1) <> 'Z');

UPDATE api_tokens SET expires_at = substr(expires_at, 1, 10) || 'T' || substr(expires_at, 12, 8) || '.' || substr(CASE WHEN substr(expires_at, 20, 1) = '.' THEN substr(expires_at, 21, length(expires_at) - 20 - CASE WHEN upper(substr(expires_at, length(expires_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE expires_at IS NOT NULL
  AND (length(expires_at) <> 27 OR substr(expires_at, 11, 1) <> 'T' OR substr(expires_at, 27, 1) <> 'Z');

UPDATE api_tokens SET revoked_at = substr(revoked_at, 1, 10) || 'T' || substr(revoked_at, 12, 8) || '.' || substr(CASE WHEN substr(revoked_at, 20, 1) = '.' THEN substr(revoked_at, 21, length(revoked_at) - 20 - CASE WHEN upper(substr(revoked_at, length(revoked_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE revoked_at IS NOT NULL
  AND (length(revoked_at) <> 27 OR substr(revoked_at, 11, 1) <> 'T' OR substr(revoked_at, 27, 1) <> 'Z');

UPDATE second_factors SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.' || substr(CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 20 - CASE WHEN upper(substr(created_at, length(created_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE created_at IS NOT NULL
  AND (length(created_at) <> 27 OR substr(created_at, 11, 1) <> 'T' OR substr(created_at, 27, 1) <> 'Z');

UPDATE second_factors SET enabled_at = substr(enabled_at, 1, 10) || 'T' || substr(enabled_at, 12, 8) || '.' || substr(CASE WHEN substr(enabled_at, 20, 1) = '.' THEN substr(enabled_at, 21, length(enabled_at) - 20 - CASE WHEN upper(substr(enabled_at, length(enabled_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE enabled_at IS NOT NULL
  AND (length(enabled_at) <> 27 OR substr(enabled_at, 11, 1) <> 'T' OR substr(enabled_at, 27, 1) <> 'Z');

UPDATE recovery_codes SET used_at = substr(used_at, 1, 10) || 'T' || substr(used_at, 12, 8) || '.' || substr(CASE WHEN substr(used_at, 20, 1) = '.' THEN substr(used_at, 21, length(used_at) - 20 - CASE WHEN upper(substr(used_at, length(used_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE used_at IS NOT NULL
  AND (length(used_at) <> 27 OR substr(used_at, 11, 1) <> 'T' OR substr(used_at, 27, 1) <> 'Z');

UPDATE pending_logins SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.' || substr(CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 20 - CASE WHEN upper(substr(created_at, length(created_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE created_at IS NOT NULL
  AND (length(created_at) <> 27 OR substr(created_at, 11, 1) <> 'T' OR substr(created_at, 27, 1) <> 'Z');

UPDATE pending_logins SET expires_at = substr(expires_at, 1, 10) || 'T' || substr(expires_at, 12, 8) || '.' || substr(CASE WHEN substr(expires_at, 20, 1) = '.' THEN substr(expires_at, 21, length(expires_at) - 20 - CASE WHEN upper(substr(expires_at, length(expires_at), 1)) = 'Z' THEN 1 ELSE 6 END) ELSE '' END || '000000', 1, 6) || 'Z'
WHERE expires_at IS NOT NULL
  AND (length(expires_at) <> 27 OR substr(expires_at, 11, 1) <> 'T' OR substr(expires_at, 27, 1) <> 'Z');
