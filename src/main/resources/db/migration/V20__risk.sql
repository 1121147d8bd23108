-- Step-up codes: one pending code per customer, confirming a movement the risk monitor found unusual.
CREATE TABLE step_up_code
(
    customer_id UUID PRIMARY KEY,
    salt        UUID        NOT NULL,
    code_hash   VARCHAR(64) NOT NULL,
    attempts    INT         NOT NULL DEFAULT 0,
    sent_at     TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);

-- Every risk decision: movements before they move (out), money that came in (in), and account
-- events (logins, resets, 2FA and payment-password changes, declined top-ups). The history the
-- features are read from.
CREATE TABLE risk_decision
(
    id              UUID PRIMARY KEY,
    customer_id     UUID        NOT NULL,
    kind            VARCHAR(30) NOT NULL,
    direction       VARCHAR(5)  NOT NULL CHECK (direction IN ('out', 'in', 'event')),
    transaction_id  UUID,
    counterparty    VARCHAR(100),
    new_payee       BOOLEAN     NOT NULL DEFAULT false,
    amount          BIGINT      NOT NULL DEFAULT 0,
    amount_fen      BIGINT      NOT NULL DEFAULT 0,
    currency        CHAR(3),
    ip              VARCHAR(64),
    decision        VARCHAR(10) NOT NULL CHECK (decision IN ('allow', 'step_up', 'hold', 'freeze')),
    score           REAL        NOT NULL DEFAULT 0,
    rules           TEXT[]      NOT NULL DEFAULT '{}',
    top_features    TEXT[]      NOT NULL DEFAULT '{}',
    decided_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX risk_decision_customer ON risk_decision (customer_id, decided_at DESC);

-- What is known of a customer beyond the last day: how much they usually send, and when their
-- security last changed.
CREATE TABLE risk_profile
(
    customer_id          UUID PRIMARY KEY,
    out_count            BIGINT NOT NULL DEFAULT 0,
    out_sum_fen          BIGINT NOT NULL DEFAULT 0,
    last_new_device      TIMESTAMPTZ,
    last_security_change TIMESTAMPTZ
);

-- Whom a customer has paid, and since when: "a new payee" without reading the whole history.
CREATE TABLE risk_payee
(
    customer_id   UUID         NOT NULL,
    counterparty  VARCHAR(100) NOT NULL,
    first_paid_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (customer_id, counterparty)
);

-- A freeze or a hold, for people to review: open, then confirmed fraud or released (a false positive,
-- which labels the decision for the next training run).
CREATE TABLE risk_alert
(
    id            UUID PRIMARY KEY,
    customer_id   UUID        NOT NULL,
    decision_id   UUID        NOT NULL REFERENCES risk_decision (id),
    action        VARCHAR(10) NOT NULL CHECK (action IN ('hold', 'freeze')),
    status        VARCHAR(12) NOT NULL CHECK (status IN ('open', 'confirmed', 'released')),
    score         REAL        NOT NULL,
    reasons       TEXT[]      NOT NULL,
    top_features  TEXT[]      NOT NULL,
    ticket_id     UUID,
    reviewed_by   UUID,
    review_note   VARCHAR(1000),
    reviewed_at   TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX risk_alert_status ON risk_alert (status, created_at DESC);
CREATE INDEX risk_alert_customer ON risk_alert (customer_id, created_at DESC);
-- One open alert per customer and action: a burst of refused attempts adds evidence, not alerts.
CREATE UNIQUE INDEX risk_alert_one_open ON risk_alert (customer_id, action) WHERE status = 'open';
