-- A project may also be suspended (stopped for a time) or cancelled (stopped for good), as IATI
-- activities are.

ALTER TABLE projects DROP CONSTRAINT projects_status_check;
ALTER TABLE projects ADD CONSTRAINT projects_status_check
    CHECK (status IN ('planned', 'ongoing', 'suspended', 'completed', 'cancelled'));
