-- One-window intake at the hall (一窗无差别综合受理): which window each clerk works at, the clerk's half-filled intake,
-- and when an intake began (for the window's average handling time).

-- 一人一窗: a clerk signs in to one window, and a window has one clerk at a time. The intake takes the hall and window
-- from here, never from the request, and a domain window accepts only the items of its domains.
CREATE TABLE window_sign_ins (
  staff_id     uuid PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
  window_id    uuid NOT NULL UNIQUE REFERENCES windows (id) ON DELETE CASCADE,
  signed_in_at timestamptz NOT NULL DEFAULT now()
);

-- The intake a clerk has begun and not yet decided: it survives a reload or a crash and is removed by the decision
-- (in the same transaction as the new case), which records when it began.
CREATE TABLE intake_drafts (
  staff_id   uuid PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
  data       jsonb NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE cases ADD COLUMN intake_started_at timestamptz;
