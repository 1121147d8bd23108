CREATE TABLE article
(
    slug       VARCHAR(60) PRIMARY KEY,
    category   VARCHAR(20) NOT NULL,
    status     VARCHAR(10) NOT NULL CHECK (status IN ('draft', 'published')),
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE article_translation
(
    slug       VARCHAR(60)  NOT NULL REFERENCES article (slug),
    language   VARCHAR(10)  NOT NULL,
    title      VARCHAR(200) NOT NULL,
    body       TEXT         NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    updated_by UUID,
    PRIMARY KEY (slug, language)
);

-- Every saved version, for the edit history.
CREATE TABLE article_revision
(
    id         BIGSERIAL PRIMARY KEY,
    slug       VARCHAR(60)  NOT NULL REFERENCES article (slug),
    language   VARCHAR(10)  NOT NULL,
    title      VARCHAR(200) NOT NULL,
    body       TEXT         NOT NULL,
    saved_at   TIMESTAMPTZ  NOT NULL,
    saved_by   UUID
);
CREATE INDEX article_revision_slug ON article_revision (slug, language, id DESC);
