-- Case documents (文书): 受理通知书, 补齐补正告知书, 不予受理决定书, 准予/不予许可决定书, one per action that issues one
-- (a case may carry several of a kind, e.g. two 补正 notices). A document's content follows from immutable data (the
-- action, the case as taken in, the guide version), so its PDF is drawn on first request, kept in the file store and
-- recorded here; later requests serve the stored bytes.
CREATE TABLE case_documents (
  case_id    uuid NOT NULL,
  seq        integer NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('receipt', 'correction', 'refusal', 'decision')),
  sha256     text NOT NULL REFERENCES files (sha256),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, seq),
  FOREIGN KEY (case_id, seq) REFERENCES case_actions (case_id, seq)
);
