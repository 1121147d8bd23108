-- Ledger: every account holds a signed balance; the balances of one currency always sum to zero.
-- Customer accounts (available, held) carry what the wallet owes the customer and never go negative.
CREATE TABLE ledger_account
(
    id          BIGSERIAL PRIMARY KEY,
    customer_id UUID,
    kind        VARCHAR(30) NOT NULL,
    currency    CHAR(3)     NOT NULL,
    balance     BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT customer_accounts_never_negative CHECK (customer_id IS NULL OR balance >= 0)
);
CREATE UNIQUE INDEX ledger_account_customer ON ledger_account (customer_id, kind, currency) WHERE customer_id IS NOT NULL;
CREATE UNIQUE INDEX ledger_account_system ON ledger_account (kind, currency) WHERE customer_id IS NULL;

CREATE TABLE posting
(
    id             UUID PRIMARY KEY,
    transaction_id UUID        NOT NULL,
    kind           VARCHAR(30) NOT NULL,
    currency       CHAR(3)     NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX posting_transaction ON posting (transaction_id);

CREATE TABLE posting_entry
(
    posting_id UUID   NOT NULL REFERENCES posting (id),
    account_id BIGINT NOT NULL REFERENCES ledger_account (id),
    amount     BIGINT NOT NULL,
    PRIMARY KEY (posting_id, account_id)
);
CREATE INDEX posting_entry_account ON posting_entry (account_id);

-- What the customer sees: every attempt, failed ones included, with a machine-readable reason.
CREATE TABLE wallet_transaction
(
    id               UUID PRIMARY KEY,
    reference        VARCHAR(24) NOT NULL UNIQUE,
    customer_id      UUID        NOT NULL,
    type             VARCHAR(20) NOT NULL,
    status           VARCHAR(20) NOT NULL,
    amount           BIGINT      NOT NULL,
    currency         CHAR(3)     NOT NULL,
    counterparty     VARCHAR(254),
    counterparty_id  UUID,
    note             VARCHAR(200),
    failure_reason   VARCHAR(40),
    related_id       UUID,
    card_last4       CHAR(4),
    card_sealed      TEXT,
    holder_name      VARCHAR(200),
    expected_arrival DATE,
    payout_date      DATE,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX wallet_transaction_history ON wallet_transaction (customer_id, created_at DESC, id DESC);
CREATE INDEX wallet_transaction_pending ON wallet_transaction (status, type) WHERE status IN ('pending', 'held');

CREATE TABLE transaction_event
(
    id             BIGSERIAL PRIMARY KEY,
    transaction_id UUID        NOT NULL REFERENCES wallet_transaction (id),
    at             TIMESTAMPTZ NOT NULL,
    status         VARCHAR(20) NOT NULL,
    reason         VARCHAR(40)
);
CREATE INDEX transaction_event_transaction ON transaction_event (transaction_id, id);

-- A money-moving request and the answer it got, so that a replay gets the same answer.
CREATE TABLE idempotency_record
(
    customer_id  UUID         NOT NULL,
    key          VARCHAR(100) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    status_code  INT,
    response     TEXT,
    created_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (customer_id, key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);

CREATE TABLE wallet_freeze
(
    customer_id UUID PRIMARY KEY,
    reason      VARCHAR(200) NOT NULL,
    frozen_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE merchant
(
    id   VARCHAR(40) PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);
INSERT INTO merchant (id, name) VALUES
    ('m-coffee', 'Lucky Bean Coffee'),
    ('m-metro', 'City Metro'),
    ('m-books', 'Page One Books'),
    ('m-grocery', 'Fresh Market');

-- Business-day calendar: statutory holidays and make-up working days (调休), per the State Council.
CREATE TABLE calendar_day
(
    day         DATE PRIMARY KEY,
    kind        VARCHAR(10)  NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name        VARCHAR(100) NOT NULL,
    provisional BOOLEAN      NOT NULL DEFAULT FALSE,
    source      VARCHAR(200) NOT NULL
);

-- The operator's accounts exist from the start for every currency the wallet holds.
INSERT INTO ledger_account (kind, currency)
SELECT k, c
FROM unnest(ARRAY ['BANK_CLEARING', 'MERCHANT_SETTLEMENT', 'WITHDRAWAL_IN_TRANSIT', 'FEES', 'SUSPENSE']) AS k,
     unnest(ARRAY ['CNY', 'EUR', 'USD']) AS c;
