-- What the features read, kept as counts per customer and minute: reading a customer's last day costs at most
-- 1,440 small rows however busy the wallet (counting its decisions one by one cost more than the transfer itself).
CREATE TABLE risk_activity
(
    customer_id UUID        NOT NULL,
    minute      TIMESTAMPTZ NOT NULL,
    attempts    INT         NOT NULL DEFAULT 0,
    out_sum_fen BIGINT      NOT NULL DEFAULT 0,
    new_payees  INT         NOT NULL DEFAULT 0,
    refusals    INT         NOT NULL DEFAULT 0,
    in_sum_fen  BIGINT      NOT NULL DEFAULT 0,
    declined    INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (customer_id, minute)
);

-- Who sent a customer money, and when last: "money from many senders" without reading every transfer.
CREATE TABLE risk_sender
(
    customer_id UUID         NOT NULL,
    sender      VARCHAR(100) NOT NULL,
    last_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (customer_id, sender)
);
CREATE INDEX risk_sender_recent ON risk_sender (customer_id, last_at);
