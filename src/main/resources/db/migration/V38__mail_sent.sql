-- For the health check that says when replies are not getting out (OutgoingMailHealth): mail sent, by when.
CREATE INDEX mail_outbox_sent ON mail_outbox (sent_at) WHERE status = 'sent';
