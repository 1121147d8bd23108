-- How a customer wants notices outside the app: 'sms' or 'email'; NULL means the default (the phone, else e-mail).
ALTER TABLE customer ADD COLUMN notice_channel VARCHAR(5) CHECK (notice_channel IN ('sms', 'email'));

-- A second address being added (a phone to an e-mail account or the reverse): proven by a code sent to it.
CREATE TABLE contact_address_code
(
    customer_id UUID PRIMARY KEY REFERENCES customer (id),
    kind        VARCHAR(5)   NOT NULL CHECK (kind IN ('sms', 'email')),
    address     VARCHAR(254) NOT NULL,
    salt        UUID         NOT NULL,
    code_hash   TEXT         NOT NULL,
    attempts    INT          NOT NULL DEFAULT 0,
    sent_at     TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL
);
