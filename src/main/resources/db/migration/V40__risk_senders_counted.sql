-- A customer's senders of the last day are counted in the minute counts: each sender counts once, in the minute of
-- the time stored for it in risk_sender, and moves to a later minute when that time moves on. Reading the day's
-- senders is then part of the sum the history read makes anyway, not one row of risk_sender per sender
-- (a busy wallet's read had been three quarters that count).
ALTER TABLE risk_activity ADD COLUMN senders INT NOT NULL DEFAULT 0;

INSERT INTO risk_activity (customer_id, minute, senders)
SELECT customer_id, date_trunc('minute', last_at, 'UTC'), count(*)
FROM risk_sender
GROUP BY 1, 2
ON CONFLICT (customer_id, minute) DO UPDATE SET senders = excluded.senders;
