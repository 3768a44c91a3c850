-- Catalogue files (空白表格、示例样表、结果样本): a file uploaded through POST /api/catalog/files is recorded as owned by
-- the catalogue (owner_id: the administrator who uploaded it). A guide may name only such files, and the catalogue's
-- file route serves only them, so an applicant's scan whose SHA-256 someone learned can never be offered as a guide
-- download.
ALTER TABLE file_owners DROP CONSTRAINT file_owners_owner_kind_check;
ALTER TABLE file_owners ADD CONSTRAINT file_owners_owner_kind_check CHECK (owner_kind IN ('staff', 'applicant', 'catalog'));

-- "Is this a catalogue file?" is asked by SHA-256 alone (the public file route, saving a guide).
CREATE INDEX file_owners_file ON file_owners (sha256, owner_kind);

-- Files uploaded as catalogue files before this migration: each such upload left its audit record (the route's
-- action, target type 'file', the SHA-256 as target), which no other upload writes.
INSERT INTO file_owners (sha256, owner_kind, owner_id)
SELECT DISTINCT a.target_id, 'catalog', a.actor_id::uuid
FROM audit_log a
JOIN files f ON f.sha256 = a.target_id
WHERE a.action = 'catalog.edit' AND a.target_type = 'file' AND a.outcome = 'success' AND a.actor_kind = 'staff' AND a.actor_id IS NOT NULL
ON CONFLICT DO NOTHING;
