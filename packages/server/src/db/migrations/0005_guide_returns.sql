-- Why a submitted version was sent back, so its editor reads the reason on the draft (not only in the audit log).
ALTER TABLE guide_versions
  ADD COLUMN returned_reason text,
  ADD COLUMN returned_by uuid REFERENCES staff (id),
  ADD COLUMN returned_at timestamptz;
