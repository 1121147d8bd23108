-- Files an agent sends on an e-mail ticket go out attached to the mail.
ALTER TABLE mail_outbox ADD COLUMN attachment_ids UUID[];
