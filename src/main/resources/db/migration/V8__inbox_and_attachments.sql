-- In-app messages: the notification table holds them too, addressed to a person's id.
CREATE INDEX notification_inapp ON notification (recipient, created_at DESC) WHERE channel = 'INAPP';

CREATE TABLE ticket_attachment
(
    id           UUID PRIMARY KEY,
    ticket_id    UUID         NOT NULL REFERENCES ticket (id),
    entry_id     BIGINT REFERENCES ticket_entry (id),
    uploader_id  UUID         NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    media_type   VARCHAR(100) NOT NULL,
    size_bytes   INT          NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ticket_attachment_ticket ON ticket_attachment (ticket_id);
