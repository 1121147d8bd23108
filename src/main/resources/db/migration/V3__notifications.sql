CREATE TABLE notification
(
    id           UUID PRIMARY KEY,
    channel      VARCHAR(10)  NOT NULL,
    recipient    VARCHAR(254) NOT NULL,
    subject      TEXT,
    body         TEXT         NOT NULL,
    language     VARCHAR(10)  NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    adapter      VARCHAR(20),
    created_at   TIMESTAMPTZ  NOT NULL,
    delivered_at TIMESTAMPTZ,
    failure      TEXT
);
CREATE INDEX notification_created ON notification (created_at DESC);
