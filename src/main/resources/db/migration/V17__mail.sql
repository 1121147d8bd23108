-- The e-mail channel. A ticket's requester is a customer, or an e-mail contact not (yet) linked to one.
ALTER TABLE ticket ALTER COLUMN customer_id DROP NOT NULL;
ALTER TABLE ticket ADD COLUMN contact_id UUID;
ALTER TABLE ticket ADD CONSTRAINT ticket_has_requester CHECK (customer_id IS NOT NULL OR contact_id IS NOT NULL);
CREATE INDEX ticket_contact ON ticket (contact_id) WHERE contact_id IS NOT NULL;

-- How an entry that went out by e-mail fared: queued, sent, failed (with the server's answer).
ALTER TABLE ticket_entry ADD COLUMN delivery_state VARCHAR(10) CHECK (delivery_state IN ('queued', 'sent', 'failed'));
ALTER TABLE ticket_entry ADD COLUMN delivery_detail VARCHAR(500);

CREATE TABLE mail_contact
(
    id            UUID PRIMARY KEY,
    address       VARCHAR(320) NOT NULL UNIQUE,
    display_name  VARCHAR(200),
    customer_id   UUID,
    bouncing      BOOLEAN      NOT NULL DEFAULT FALSE,
    bounce_reason VARCHAR(500),
    bounced_at    TIMESTAMPTZ,
    created_at    TIMESTAMPTZ  NOT NULL
);

-- Every message we received or sent: threading looks Message-IDs up here, duplicates stop here.
CREATE TABLE mail_message
(
    id          UUID PRIMARY KEY,
    message_id  VARCHAR(998) NOT NULL UNIQUE,
    direction   VARCHAR(3)   NOT NULL CHECK (direction IN ('in', 'out')),
    ticket_id   UUID,
    entry_id    BIGINT,
    mailbox     VARCHAR(100),
    sender      VARCHAR(320),
    subject     VARCHAR(998),
    automated   VARCHAR(60),
    raw         BYTEA,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX mail_message_ticket ON mail_message (ticket_id, created_at);

-- Where reading stopped in each mailbox; the mark moves in the transaction that commits the entry.
CREATE TABLE mail_mailbox
(
    name          VARCHAR(100) PRIMARY KEY,
    uid_validity  BIGINT       NOT NULL DEFAULT 0,
    last_uid      BIGINT       NOT NULL DEFAULT 0,
    last_read_at  TIMESTAMPTZ,
    failing_since TIMESTAMPTZ,
    last_error    VARCHAR(1000)
);

-- Mail is stored here first, in the transaction that wrote the reply, and sent after commit.
CREATE TABLE mail_outbox
(
    id              UUID PRIMARY KEY,
    ticket_id       UUID          NOT NULL,
    entry_id        BIGINT,
    kind            VARCHAR(12)   NOT NULL CHECK (kind IN ('reply', 'acknowledge')),
    recipient       VARCHAR(320)  NOT NULL,
    message_id      VARCHAR(998)  NOT NULL UNIQUE,
    language        VARCHAR(10)   NOT NULL,
    subject         VARCHAR(998)  NOT NULL,
    body            TEXT          NOT NULL,
    in_reply_to     VARCHAR(998),
    refs            TEXT,
    status          VARCHAR(10)   NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    last_error      VARCHAR(1000),
    sent_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX mail_outbox_recipient ON mail_outbox (recipient, created_at) WHERE kind = 'acknowledge';
