-- Each message is queued once: a job that runs twice, or on two instances, writes the same
-- dedupe key and the second insert fails here (mapped to a 409 the outbox ignores).
CREATE UNIQUE INDEX IF NOT EXISTS messages_dedupe_key_unique ON messages (dedupe_key);
-- dispatch claims queued rows due now, oldest first
CREATE INDEX IF NOT EXISTS messages_queue ON messages (message_status, next_attempt_at);
