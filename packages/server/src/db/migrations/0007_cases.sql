-- Cases (办件): each case is an append-only list of actions; the `cases` row is their reduced state, written in the
-- same transaction as each action, for worklists and tracking. Materials received and the applicant's in-app
-- messages belong to the case; idempotency keys make a retried create or accept return its first answer.

-- The serial part of 办件编号: a sequence never blocks parallel intake and never repeats.
CREATE SEQUENCE case_serial;

CREATE TABLE cases (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number              text NOT NULL UNIQUE CHECK (length(number) <= 50),
  -- The QR code on the receipt opens the public tracking page with this token (no personal data in the URL).
  tracking_token      text NOT NULL UNIQUE,
  implementation_id   uuid NOT NULL REFERENCES catalog_implementations (id),
  guide_version_id    uuid NOT NULL REFERENCES guide_versions (id),
  item_code           text NOT NULL,
  item_name           text NOT NULL,
  region_code         text NOT NULL REFERENCES regions (code),
  department_id       uuid NOT NULL REFERENCES departments (id),
  channel             text NOT NULL CHECK (channel IN ('window', 'online', 'mobile', 'mail')),
  applicant_account   uuid REFERENCES applicants (id),
  applicant_kind      text NOT NULL CHECK (applicant_kind IN ('person', 'company')),
  applicant_name      text NOT NULL,
  applicant_id_type   text NOT NULL,
  applicant_id_number text NOT NULL,
  applicant_phone     text NOT NULL,
  -- legal representative, agent (代理人) and its authorisation: shown on the case, not searched
  parties             jsonb NOT NULL,
  form_data           jsonb NOT NULL,
  hall_id             uuid REFERENCES halls (id),
  window_id           uuid REFERENCES windows (id),
  received_by         uuid REFERENCES staff (id),
  -- the reduced state (CaseState from the domain package) and the columns worklists filter on
  state               jsonb NOT NULL,
  status              text NOT NULL,
  version             integer NOT NULL CHECK (version >= 1),
  -- who acts next: a role in a department (null while the applicant or nobody is to act)
  pending_role        text,
  pending_department  uuid REFERENCES departments (id),
  limit_amount        numeric NOT NULL,
  limit_unit          text NOT NULL CHECK (limit_unit IN ('workday', 'day', 'hour')),
  applied_at          timestamptz NOT NULL DEFAULT now(),
  accepted_at         timestamptz,
  due_date            date,
  due_at              timestamptz,
  clock               text CHECK (clock IN ('green', 'yellow', 'red', 'paused')),
  close_result        text,
  closed_at           timestamptz,
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_todo ON cases (pending_role, pending_department, due_date, id) WHERE pending_role IS NOT NULL;
CREATE INDEX cases_region_due ON cases (region_code text_pattern_ops, due_date, id) WHERE closed_at IS NULL;
CREATE INDEX cases_region_applied ON cases (region_code text_pattern_ops, applied_at DESC, id);
CREATE INDEX cases_overdue ON cases (clock, due_date, id) WHERE clock IN ('yellow', 'red');
CREATE INDEX cases_applicant_account ON cases (applicant_account, applied_at DESC) WHERE applicant_account IS NOT NULL;
CREATE INDEX cases_open_clock ON cases (due_date) WHERE clock IN ('green', 'yellow');
CREATE INDEX cases_correction_due ON cases (((state -> 'correction' ->> 'dueDate'))) WHERE status = 'awaiting_correction';

CREATE TABLE case_actions (
  case_id    uuid NOT NULL REFERENCES cases (id),
  seq        integer NOT NULL CHECK (seq >= 1),
  type       text NOT NULL,
  event      jsonb NOT NULL,
  step_id    text,
  opinion    text,
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'applicant', 'system')),
  actor_id   uuid,
  actor_name text NOT NULL,
  at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, seq)
);

CREATE FUNCTION case_actions_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case actions are append-only';
END $$;
CREATE TRIGGER case_actions_append_only BEFORE UPDATE OR DELETE ON case_actions
  FOR EACH ROW EXECUTE FUNCTION case_actions_are_append_only();
CREATE TRIGGER case_actions_no_truncate BEFORE TRUNCATE ON case_actions
  FOR EACH STATEMENT EXECUTE FUNCTION case_actions_are_append_only();

-- 已办: the cases each staff member has acted on, newest first.
CREATE TABLE case_handlers (
  staff_id      uuid NOT NULL REFERENCES staff (id),
  case_id       uuid NOT NULL REFERENCES cases (id),
  last_acted_at timestamptz NOT NULL,
  PRIMARY KEY (staff_id, case_id)
);
CREATE INDEX case_handlers_recent ON case_handlers (staff_id, last_acted_at DESC, case_id);

-- Materials as received, one row per guide material; replaced when a correction brings a new version.
CREATE TABLE case_materials (
  case_id     uuid NOT NULL REFERENCES cases (id),
  material_id text NOT NULL,
  name        text NOT NULL,
  received_as text NOT NULL CHECK (received_as IN ('original', 'copy', 'electronic', 'exempt', 'deferred', 'missing')),
  count       integer NOT NULL CHECK (count BETWEEN 0 AND 999),
  files       text[] NOT NULL DEFAULT '{}',
  checks      jsonb NOT NULL DEFAULT '{}',
  trust_level text CHECK (trust_level IN ('A', 'B', 'C', 'D')),
  note        text NOT NULL DEFAULT '',
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, material_id)
);

-- In-app messages (站内消息) to applicants and staff; the SMS copy goes through sms_outbox in the same transaction.
CREATE TABLE messages (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('applicant', 'staff')),
  recipient_id   uuid NOT NULL,
  case_id        uuid REFERENCES cases (id),
  title          text NOT NULL,
  body           text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  read_at        timestamptz
);
CREATE INDEX messages_recipient ON messages (recipient_kind, recipient_id, created_at DESC);

-- A retried request with the same key returns the first answer instead of doing the work again.
CREATE TABLE idempotency_keys (
  owner        text NOT NULL,
  key          text NOT NULL CHECK (length(key) BETWEEN 8 AND 100),
  request_hash text NOT NULL,
  status_code  integer,
  response     jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (owner, key)
);
