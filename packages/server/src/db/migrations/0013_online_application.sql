-- Online application (网上申请): the applicant's delivery preference on the case, resumable uploads, who uploaded each
-- stored file, and the one exception to the append-only action log — a never-submitted draft may be dropped.

-- How the applicant wants the result: {"method": "pickup" | "mail" | "electronic", "address": {...} | null}; null
-- until chosen. The applicant's to change before delivery, outside the action log (actions never write it).
ALTER TABLE cases ADD COLUMN delivery jsonb;

-- A file sent in chunks (断点续传): the bytes received so far live in DATA_DIR/uploads/<id>.part, never in the file
-- store, until the upload is completed and its content checked; then this row goes. Idle sessions are swept.
CREATE TABLE upload_sessions (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_kind text NOT NULL CHECK (owner_kind IN ('staff', 'applicant')),
  owner_id   uuid NOT NULL,
  filename   text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  size       integer NOT NULL CHECK (size > 0),
  received   integer NOT NULL DEFAULT 0 CHECK (received BETWEEN 0 AND size),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX upload_sessions_owner ON upload_sessions (owner_kind, owner_id);
CREATE INDEX upload_sessions_idle ON upload_sessions (updated_at);

-- Who uploaded a stored file (the store is content-addressed: the same bytes may come from several people). An
-- applicant's materials may name only files they uploaded themselves, so a hash learned elsewhere opens nothing.
CREATE TABLE file_owners (
  sha256     text NOT NULL REFERENCES files (sha256),
  owner_kind text NOT NULL CHECK (owner_kind IN ('staff', 'applicant')),
  owner_id   uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (owner_kind, owner_id, sha256)
);

-- Case actions stay append-only, except that the rows of a case still in 'draft' may be deleted with it: a draft was
-- never submitted (a case never returns to 'draft'), so nothing accepted, decided or told to anyone is lost.
CREATE OR REPLACE FUNCTION case_actions_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM cases WHERE id = OLD.case_id AND status = 'draft') THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'case actions are append-only';
END $$;
