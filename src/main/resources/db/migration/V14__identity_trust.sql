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

-- An administrator can disable a staff account (someone left, a password leaked): its sessions end and it
-- signs in no more.
ALTER TABLE staff_user ADD COLUMN disabled_at TIMESTAMPTZ;

-- TOTP secrets are stored sealed (TotpSecretVault: key id, IV, AES-GCM ciphertext), longer than a bare Base32 secret.
-- Secrets stored in clear before this version are sealed by TotpSecretResealing when the service starts.
ALTER TABLE customer ALTER COLUMN totp_secret TYPE TEXT;
