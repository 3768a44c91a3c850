-- Item catalogue (事项清单) and versioned service guides (办事指南), stored files, and the search index.

-- Uploaded files, content-addressed: the same bytes are stored once, under their SHA-256.
CREATE TABLE files (
  sha256     text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size       bigint NOT NULL CHECK (size > 0),
  mime       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- An item as implemented in one region by one department (实施清单). Its guide lives in versions.
CREATE TABLE catalog_implementations (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code             text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Za-z-]{6,60}$'),
  basic_code       text NOT NULL,
  region_code      text NOT NULL REFERENCES regions (code),
  department_id    uuid NOT NULL REFERENCES departments (id),
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  withdrawn_reason text,
  withdrawn_at     timestamptz,
  popularity       integer NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalog_implementations_region ON catalog_implementations (region_code);

-- Each guide version is a draft, then submitted, then published by a second administrator (four eyes).
CREATE TABLE guide_versions (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  implementation_id uuid NOT NULL REFERENCES catalog_implementations (id),
  version           integer NOT NULL CHECK (version > 0),
  status            text NOT NULL CHECK (status IN ('draft', 'submitted', 'published')),
  content           jsonb NOT NULL,
  created_by        uuid NOT NULL REFERENCES staff (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  submitted_by      uuid REFERENCES staff (id),
  submitted_at      timestamptz,
  published_by      uuid REFERENCES staff (id),
  published_at      timestamptz,
  effective_from    date,
  UNIQUE (implementation_id, version),
  CHECK (status = 'draft' OR submitted_by IS NOT NULL),
  CHECK (status <> 'published' OR (published_by IS NOT NULL AND effective_from IS NOT NULL AND published_by <> submitted_by))
);
CREATE UNIQUE INDEX guide_versions_one_open ON guide_versions (implementation_id) WHERE status IN ('draft', 'submitted');
CREATE INDEX guide_versions_published ON guide_versions (implementation_id, effective_from DESC, version DESC) WHERE status = 'published';

-- Cases bind to published versions, so a published version never changes and is never removed.
CREATE FUNCTION guide_version_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'published guide version % is immutable', OLD.id;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER guide_versions_immutable BEFORE UPDATE OR DELETE ON guide_versions
  FOR EACH ROW EXECUTE FUNCTION guide_version_is_immutable();

-- The search index: one row per active implementation with its currently effective published version.
CREATE TABLE catalog_search (
  implementation_id uuid PRIMARY KEY REFERENCES catalog_implementations (id),
  version_id        uuid NOT NULL REFERENCES guide_versions (id),
  code              text NOT NULL,
  name              text NOT NULL,
  -- lower-case text, Chinese as written, full pinyin and initials, each part separated by '|'
  search_text       text NOT NULL,
  pinyin_text       text NOT NULL,
  initials_text     text NOT NULL,
  region_code       text NOT NULL,
  region_name       text NOT NULL,
  service_scope     text NOT NULL,
  department_id     uuid NOT NULL,
  department_name   text NOT NULL,
  domain_code       text NOT NULL,
  item_type         text NOT NULL,
  service_objects   text[] NOT NULL,
  themes            text[] NOT NULL,
  online_depth      text NOT NULL,
  case_type         text NOT NULL,
  popularity        integer NOT NULL
);
CREATE INDEX catalog_search_text ON catalog_search USING gin (search_text gin_trgm_ops);
CREATE INDEX catalog_search_pinyin ON catalog_search USING gin (pinyin_text gin_trgm_ops);
CREATE INDEX catalog_search_initials ON catalog_search USING gin (initials_text gin_trgm_ops);
CREATE INDEX catalog_search_region ON catalog_search (region_code text_pattern_ops);
CREATE INDEX catalog_search_popularity ON catalog_search (popularity DESC, name);

-- Generated guide PDFs, one per published version (the version never changes, so neither does its PDF).
CREATE TABLE guide_pdfs (
  version_id uuid PRIMARY KEY REFERENCES guide_versions (id),
  sha256     text NOT NULL REFERENCES files (sha256),
  created_at timestamptz NOT NULL DEFAULT now()
);
