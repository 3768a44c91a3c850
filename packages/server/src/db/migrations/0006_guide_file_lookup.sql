-- Finding the guide versions that offer a file (blank form, sample, result sample) by containment, with an index,
-- instead of scanning every guide's text: the file route is public.
CREATE INDEX guide_versions_content ON guide_versions USING gin (content jsonb_path_ops);
