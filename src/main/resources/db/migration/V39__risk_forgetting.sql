-- The risk monitor reads a customer's last day of counts and senders; what is older is deleted every hour
-- (RiskRetention), found by time through these small block-range indexes.
CREATE INDEX risk_activity_minute ON risk_activity USING brin (minute);
CREATE INDEX risk_sender_last ON risk_sender USING brin (last_at);
-- With a day's senders kept and no more, a customer's senders are read through the key, and the time is in no
-- b-tree: a new sender costs one index entry, not two, and moving a sender's time on is a HOT update.
DROP INDEX risk_sender_recent;
