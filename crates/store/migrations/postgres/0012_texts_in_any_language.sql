-- Texts in any language, and the share of a project each country, region and tag stands for.
--
-- A record's texts in English and Vietnamese stay in its own columns; texts in other languages
-- (tagged `fr`, `pt-BR`, `zh-Hant`) go in one child table shared by every kind of record, like the
-- other child tables. A record may now have a title or name in another language only, so the
-- checks that it has one in English or Vietnamese go.

CREATE TABLE record_texts (
    record_id TEXT NOT NULL,
    -- The record's field: title, summary, description, name, city.
    field     TEXT NOT NULL,
    -- A BCP 47 tag, never en or vi.
    lang      TEXT NOT NULL,
    position  BIGINT NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (record_id, field, lang)
);

-- Hundredths of a per cent (6000 is 60 %), where the source gives one.
ALTER TABLE record_countries ADD COLUMN percentage_hundredths BIGINT
    CHECK (percentage_hundredths BETWEEN 0 AND 10000);
ALTER TABLE record_regions ADD COLUMN percentage_hundredths BIGINT
    CHECK (percentage_hundredths BETWEEN 0 AND 10000);
ALTER TABLE record_tags ADD COLUMN percentage_hundredths BIGINT
    CHECK (percentage_hundredths BETWEEN 0 AND 10000);

ALTER TABLE actors DROP CONSTRAINT actors_check;
ALTER TABLE projects DROP CONSTRAINT projects_check;
ALTER TABLE resources DROP CONSTRAINT resources_check;
ALTER TABLE revisions DROP CONSTRAINT revisions_check;
