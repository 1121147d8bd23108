-- Feedback quotes translated for the product team's readers: made once, stored.
CREATE TABLE feedback_translation
(
    feedback_id UUID        NOT NULL REFERENCES feedback (id),
    language    VARCHAR(10) NOT NULL,
    text        TEXT        NOT NULL,
    provider    VARCHAR(20) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (feedback_id, language)
);
