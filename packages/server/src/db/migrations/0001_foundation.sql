-- Foundation: organisation, identity, sessions, SMS outbox and the hash-chained audit log.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE regions (
  code        text PRIMARY KEY CHECK (code ~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3})?)?)?$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  parent_code text REFERENCES regions (code),
  level       text NOT NULL CHECK (level IN ('province', 'city', 'county', 'township')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((parent_code IS NULL) = (level = 'province')),
  CHECK (parent_code IS NULL OR starts_with(code, parent_code))
);
CREATE INDEX regions_parent ON regions (parent_code);

CREATE TABLE departments (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  uscc        text NOT NULL UNIQUE,
  region_code text NOT NULL REFERENCES regions (code),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, name)
);

-- 业务领域: the managed list of domains a domain window serves (医保, 社保, 不动产 …).
CREATE TABLE service_domains (
  code       text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name       text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 30),
  active     boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE halls (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  region_code   text NOT NULL REFERENCES regions (code),
  address       text NOT NULL DEFAULT '',
  phone         text NOT NULL DEFAULT '',
  opening_hours text NOT NULL DEFAULT '',
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX halls_region ON halls (region_code);

-- A window serves every item (comprehensive, 综合窗口) or the items of its domains (分领域综合窗口).
CREATE TABLE windows (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  hall_id    uuid NOT NULL REFERENCES halls (id),
  number     text NOT NULL CHECK (number ~ '^[A-Z0-9-]{1,10}$'),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  kind       text NOT NULL CHECK (kind IN ('comprehensive', 'domain')),
  active     boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (hall_id, number)
);

CREATE TABLE window_domains (
  window_id   uuid NOT NULL REFERENCES windows (id) ON DELETE CASCADE,
  domain_code text NOT NULL REFERENCES service_domains (code),
  PRIMARY KEY (window_id, domain_code)
);

CREATE TABLE staff (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z][a-z0-9_.]{2,31}$'),
  name          text NOT NULL,
  phone         text NOT NULL DEFAULT '',
  password_hash text NOT NULL,
  totp_secret   text,
  totp_enabled  boolean NOT NULL DEFAULT false,
  totp_last_step bigint,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Each role a staff member holds is scoped to a region subtree and, for department work, one department.
CREATE TABLE staff_roles (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_id      uuid NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  role          text NOT NULL CHECK (role IN ('clerk', 'reviewer', 'hall_manager', 'catalog_admin', 'supervisor', 'system_admin')),
  region_code   text NOT NULL REFERENCES regions (code),
  department_id uuid REFERENCES departments (id),
  UNIQUE NULLS NOT DISTINCT (staff_id, role, region_code, department_id)
);
CREATE INDEX staff_roles_staff ON staff_roles (staff_id);

CREATE TABLE applicants (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type                 text NOT NULL CHECK (type IN ('person', 'company')),
  name                 text NOT NULL,
  id_number            text UNIQUE,
  uscc                 text UNIQUE,
  legal_representative text,
  phone                text NOT NULL UNIQUE,
  password_hash        text NOT NULL,
  phone_verified_at    timestamptz NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((type = 'person') = (id_number IS NOT NULL)),
  CHECK ((type = 'company') = (uscc IS NOT NULL AND legal_representative IS NOT NULL))
);

-- Server-side sessions; the cookie carries a random token, the table keeps only its SHA-256.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  subject_kind text NOT NULL CHECK (subject_kind IN ('staff', 'applicant')),
  subject_id   uuid NOT NULL,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text NOT NULL DEFAULT '',
  user_agent   text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_subject ON sessions (subject_kind, subject_id);

-- Failed logins per account key, for the lock after N failures in a window.
CREATE TABLE login_failures (
  id          bigserial PRIMARY KEY,
  account_key text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_at ON login_failures (account_key, at);

CREATE TABLE sms_codes (
  id          bigserial PRIMARY KEY,
  phone       text NOT NULL,
  purpose     text NOT NULL,
  code_hash   text NOT NULL,
  attempts    integer NOT NULL DEFAULT 0,
  expires_at  timestamptz NOT NULL,
  consumed_at timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sms_codes_phone ON sms_codes (phone, purpose, created_at DESC);

-- Messages are written here in the transaction of the step that caused them, then delivered after commit.
CREATE TABLE sms_outbox (
  id         bigserial PRIMARY KEY,
  phone      text NOT NULL,
  text       text NOT NULL,
  purpose    text NOT NULL,
  status     text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts   integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at    timestamptz
);
CREATE INDEX sms_outbox_pending ON sms_outbox (id) WHERE status = 'pending';

-- Append-only, hash-chained audit log: each row stores the hash of the one before it.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor_kind  text NOT NULL,
  actor_id    text,
  actor_name  text NOT NULL,
  actor_role  text,
  action      text NOT NULL,
  target_type text,
  target_id   text,
  ip          text NOT NULL,
  request_id  text NOT NULL,
  outcome     text NOT NULL,
  detail      jsonb NOT NULL DEFAULT '{}',
  prev_hash   text NOT NULL,
  hash        text NOT NULL UNIQUE
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_name);
CREATE INDEX audit_log_action ON audit_log (action);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
