-- Each audit chain's head: the hash of its last record. An append updates its chain's head and inserts the record in
-- one statement: the row lock on the head serialises the appends to a chain (as the advisory lock did), and under READ
-- COMMITTED the update re-reads a head that another append changed while it waited, so the new record always links to
-- the latest one. The append no longer has to look up the chain's last record, nor wait in a statement of its own.
-- Servers of an older version append the other way: upgrade every server of a database together.
CREATE TABLE audit_chain_heads (
  chain     smallint PRIMARY KEY CHECK (chain BETWEEN 0 AND 63),
  -- The head before the last append: an UPDATE's RETURNING gives only new values, and the record needs both links.
  prev_hash text NOT NULL,
  hash      text NOT NULL
);

INSERT INTO audit_chain_heads (chain, prev_hash, hash)
SELECT c, '', coalesce((SELECT hash FROM audit_log WHERE chain = c ORDER BY id DESC LIMIT 1), repeat('0', 64))
FROM generate_series(0, 63) AS c;

-- It found each chain's last record for the append; the heads do that now, and every index costs on insert.
DROP INDEX audit_log_chain_last;
