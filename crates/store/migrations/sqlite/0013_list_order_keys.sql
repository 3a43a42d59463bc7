-- Lists walk an index in their order instead of sorting every project on every request.
--
-- "Newest first" (the latest start first, projects without a start last, then by slug) mixes
-- directions and puts NULLs apart, which no index serves as written. `sort_newest` is that order as
-- one ascending text: '0' and the start date with each digit d written 9 - d, so that later dates
-- sort first, or '1' for no start; then the slug, which makes the key unique. The title orders get
-- the slug in their indexes for the same reason.

ALTER TABLE projects ADD COLUMN sort_newest TEXT NOT NULL DEFAULT '';
UPDATE projects SET sort_newest = CASE
    WHEN starts_on IS NULL THEN '1' || slug
    ELSE '0' || printf('%08d', 99999999 - CAST(replace(substr(starts_on, 1, 10), '-', '') AS INTEGER)) || slug
END;
CREATE UNIQUE INDEX projects_newest ON projects (sort_newest);

DROP INDEX projects_sort_en;
DROP INDEX projects_sort_vi;
CREATE INDEX projects_sort_en ON projects (sort_en, slug);
CREATE INDEX projects_sort_vi ON projects (sort_vi, slug);

DROP INDEX actors_sort_en;
DROP INDEX actors_sort_vi;
CREATE INDEX actors_sort_en ON actors (sort_en, slug);
CREATE INDEX actors_sort_vi ON actors (sort_vi, slug);
