-- Whether the merchants' dispute service has a dispute's case. The case is sent after the move that asks the merchant
-- commits, with no transaction open, and sent again (the same Idempotency-Key) until the service takes it:
-- merchant_send_after is when the next attempt may start (null: nothing to send), a lease while one runs.
ALTER TABLE dispute ADD COLUMN merchant_send_after    TIMESTAMPTZ;
ALTER TABLE dispute ADD COLUMN merchant_send_attempts INT NOT NULL DEFAULT 0;
ALTER TABLE dispute ADD COLUMN merchant_sent_at       TIMESTAMPTZ;
CREATE INDEX dispute_merchant_unsent ON dispute (merchant_send_after) WHERE merchant_send_after IS NOT NULL;
