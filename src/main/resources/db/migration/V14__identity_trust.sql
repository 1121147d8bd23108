-- An owner who unlocks their own account (a code to the registered phone or e-mail plus a second fact)
-- is recorded as an identity verification without a staff member.
ALTER TABLE identity_verification ALTER COLUMN staff_id DROP NOT NULL;

-- Wrong passwords for logins that belong to nobody are counted like real ones (ADR 0009), so that the
-- answers ("2 attempts left", then locked) cannot tell a stranger which logins exist. A login that looks
-- like a phone number or e-mail address locks as a customer's does; any other as a staff member's, for a while.
CREATE TABLE unknown_login
(
    login_key    VARCHAR(254) PRIMARY KEY,
    failures     INT          NOT NULL,
    locked_until TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ  NOT NULL
);
