-- Staff can enrol TOTP two-factor authentication (the secret sealed as customers' are), and an administrator can
-- require it of every staff member outside the demo profile.
ALTER TABLE staff_user ADD COLUMN totp_secret TEXT;
ALTER TABLE staff_user ADD COLUMN totp_enabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE staff_user ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;

CREATE TABLE identity_setting
(
    name       VARCHAR(60) PRIMARY KEY,
    value      VARCHAR(200) NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL
);
