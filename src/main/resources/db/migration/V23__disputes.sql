-- Transaction disputes: one per transaction, with its evidence (files on the linked ticket),
-- its deadlines in business days, the merchant's side, and what was credited.
CREATE TABLE dispute
(
    id                   UUID PRIMARY KEY,
    number               BIGSERIAL   NOT NULL UNIQUE,
    customer_id          UUID        NOT NULL,
    transaction_id       UUID        NOT NULL UNIQUE,
    transaction_type     VARCHAR(20) NOT NULL,
    amount               BIGINT      NOT NULL CHECK (amount >= 0),
    currency             CHAR(3)     NOT NULL,
    counterparty         VARCHAR(100),
    reason               VARCHAR(30) NOT NULL,
    description          TEXT        NOT NULL,
    language             VARCHAR(10) NOT NULL,
    status               VARCHAR(20) NOT NULL,
    ticket_id            UUID,
    acknowledge_due      DATE        NOT NULL,
    decide_due           DATE        NOT NULL,
    acknowledged_at      TIMESTAMPTZ,
    escalated_at         TIMESTAMPTZ,
    merchant_due         DATE,
    merchant_answer      VARCHAR(10),
    merchant_statement   TEXT,
    question             TEXT,
    outcome              VARCHAR(20),
    refunded             BIGINT      NOT NULL DEFAULT 0,
    decision_reason      TEXT,
    decided_by           UUID,
    decided_at           TIMESTAMPTZ,
    reopened_at          TIMESTAMPTZ,
    closed_at            TIMESTAMPTZ,
    provisional_credit   UUID,
    provisional_amount   BIGINT      NOT NULL DEFAULT 0,
    provisional_outstanding BIGINT   NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX dispute_customer ON dispute (customer_id, created_at DESC);
CREATE INDEX dispute_open ON dispute (status, decide_due) WHERE status NOT IN ('decided', 'closed');

CREATE TABLE dispute_evidence
(
    id            UUID PRIMARY KEY,
    dispute_id    UUID         NOT NULL REFERENCES dispute (id),
    attachment_id UUID         NOT NULL,
    file_name     VARCHAR(255) NOT NULL,
    media_type    VARCHAR(100) NOT NULL,
    size          INT          NOT NULL,
    added_by      VARCHAR(10)  NOT NULL CHECK (added_by IN ('customer', 'staff', 'merchant')),
    added_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX dispute_evidence_dispute ON dispute_evidence (dispute_id, added_at);

-- What happened to a dispute, in order: the timeline both sides read.
CREATE TABLE dispute_event
(
    id         BIGSERIAL PRIMARY KEY,
    dispute_id UUID        NOT NULL REFERENCES dispute (id),
    kind       VARCHAR(30) NOT NULL,
    actor      VARCHAR(10) NOT NULL,
    detail     TEXT,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX dispute_event_dispute ON dispute_event (dispute_id, id);

-- What disputes cost the operator: credits for movements no merchant pays back, and provisional
-- credits paid before a decision.
INSERT INTO ledger_account (kind, currency)
SELECT k, c
FROM unnest(ARRAY ['DISPUTE_LOSSES', 'DISPUTE_PROVISIONAL']) AS k,
     unnest(ARRAY ['CNY', 'EUR', 'USD']) AS c;
