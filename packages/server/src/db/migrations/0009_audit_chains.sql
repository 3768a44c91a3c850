-- The audit log as several hash chains instead of one: each append locks only its own chain, so busy halls do not
-- queue behind one lock for every change. Every record still links to the previous record of its chain; records
-- written before this migration form chain 0.
ALTER TABLE audit_log ADD COLUMN chain smallint NOT NULL DEFAULT 0 CHECK (chain BETWEEN 0 AND 63);
CREATE INDEX audit_log_chain_last ON audit_log (chain, id DESC);
