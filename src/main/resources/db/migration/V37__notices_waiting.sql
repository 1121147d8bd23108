-- For the health check that says when text and e-mail notices are not getting out (NoticeDeliveryHealth):
-- the notices not delivered yet, and those delivered, by when they were written.
CREATE INDEX notification_pending ON notification (created_at) WHERE status = 'PENDING';
CREATE INDEX notification_sent ON notification (created_at) WHERE status = 'DELIVERED' AND channel <> 'INAPP';
