-- Product announcements and release notes: each in the four languages, published at a time, for an audience,
-- with each customer's read state.
CREATE TABLE announcement
(
    id           UUID PRIMARY KEY,
    published_at TIMESTAMPTZ NOT NULL,
    language     VARCHAR(10),
    created_by   UUID        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX announcement_published ON announcement (published_at DESC);

CREATE TABLE announcement_text
(
    announcement_id UUID         NOT NULL REFERENCES announcement (id),
    language        VARCHAR(10)  NOT NULL,
    title           VARCHAR(200) NOT NULL,
    body            TEXT         NOT NULL,
    PRIMARY KEY (announcement_id, language)
);

CREATE TABLE announcement_read
(
    announcement_id UUID        NOT NULL REFERENCES announcement (id),
    customer_id     UUID        NOT NULL,
    read_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (announcement_id, customer_id)
);
