-- Machine translation: what the translator failed to do (the status staff read, and why a person took over),
-- and the translations stored with ticket entries (never recomputed on every view).
CREATE TABLE translation_failure
(
    id       BIGSERIAL PRIMARY KEY,
    provider VARCHAR(20)  NOT NULL,
    reason   VARCHAR(200) NOT NULL,
    at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX translation_failure_at ON translation_failure (at DESC);

CREATE TABLE ticket_entry_translation
(
    entry_id   BIGINT      NOT NULL REFERENCES ticket_entry (id),
    -- 'original': what the author wrote before it was translated; 'translation': for a reader of `language`
    kind       VARCHAR(12) NOT NULL CHECK (kind IN ('original', 'translation')),
    language   VARCHAR(10) NOT NULL,
    text       TEXT        NOT NULL,
    provider   VARCHAR(20) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (entry_id, kind, language)
);
