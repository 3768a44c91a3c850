-- Error reports of refused catalogue imports (the uploaded workbook with its errors marked), served only to whoever
-- uploaded the workbook: the report holds draft content.
CREATE TABLE catalog_import_reports (
  sha256     text NOT NULL REFERENCES files (sha256),
  created_by uuid NOT NULL REFERENCES staff (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sha256, created_by)
);
