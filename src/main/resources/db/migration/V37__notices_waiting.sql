-- The notices not delivered yet, for the health check that says when they have waited too long
-- (every delivered notice and every in-app message leaves the index).
CREATE INDEX notification_pending ON notification (created_at) WHERE status = 'PENDING';
