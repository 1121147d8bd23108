-- A screenshot a customer may add to their feedback (an image, type sniffed from its bytes).
CREATE TABLE feedback_screenshot
(
    feedback_id UUID PRIMARY KEY REFERENCES feedback (id),
    file_name   VARCHAR(255) NOT NULL,
    media_type  VARCHAR(50)  NOT NULL,
    content     BYTEA        NOT NULL,
    added_at    TIMESTAMPTZ  NOT NULL
);
