-- Who an announcement is for, beyond a language: customers on some app versions (as the app reports its version),
-- or those who gave feedback in a group; and whether it also goes by e-mail, with how far the mailing has come
-- (customer ids are mailed in order; a page and its notifications commit together).
ALTER TABLE announcement
    ADD COLUMN app_versions      TEXT[],
    ADD COLUMN feedback_group_id UUID,
    ADD COLUMN by_email          BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN mailed_up_to      UUID,
    ADD COLUMN mailed_at         TIMESTAMPTZ;
CREATE INDEX announcement_to_mail ON announcement (published_at) WHERE by_email AND mailed_at IS NULL;
