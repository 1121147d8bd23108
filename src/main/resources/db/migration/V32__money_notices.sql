-- Notices of money that moved while the customer was not watching: each sent once per transaction and kind.
CREATE TABLE money_notice
(
    transaction_id UUID        NOT NULL,
    kind           VARCHAR(30) NOT NULL,
    sent_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (transaction_id, kind)
);
