CREATE TABLE customer
(
    id                  UUID PRIMARY KEY,
    phone               VARCHAR(20) UNIQUE,
    email               VARCHAR(254) UNIQUE,
    password_hash       TEXT        NOT NULL,
    language            VARCHAR(10) NOT NULL,
    verified_name       VARCHAR(200),
    failed_logins       INT         NOT NULL DEFAULT 0,
    locked_at           TIMESTAMPTZ,
    password_changed_at TIMESTAMPTZ NOT NULL,
    totp_secret         VARCHAR(64),
    totp_enabled        BOOLEAN     NOT NULL DEFAULT FALSE,
    totp_last_step      BIGINT      NOT NULL DEFAULT 0,
    pin_hash            TEXT,
    pin_failures        INT         NOT NULL DEFAULT 0,
    pin_blocked_until   TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT customer_has_login CHECK (phone IS NOT NULL OR email IS NOT NULL)
);

CREATE TABLE staff_user
(
    id            UUID PRIMARY KEY,
    username      VARCHAR(64) NOT NULL UNIQUE,
    display_name  VARCHAR(200) NOT NULL,
    password_hash TEXT        NOT NULL,
    role          VARCHAR(20) NOT NULL,
    languages     VARCHAR(64) NOT NULL DEFAULT 'en',
    failed_logins INT         NOT NULL DEFAULT 0,
    locked_until  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL
);

-- Bearer tokens are stored as SHA-256 hashes: a database leak does not hand out sessions.
CREATE TABLE auth_token
(
    token_hash   CHAR(64) PRIMARY KEY,
    subject_id   UUID        NOT NULL,
    subject_kind VARCHAR(10) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX auth_token_subject ON auth_token (subject_id);

CREATE TABLE login_event
(
    id          BIGSERIAL PRIMARY KEY,
    customer_id UUID        NOT NULL REFERENCES customer (id),
    at          TIMESTAMPTZ NOT NULL,
    ip          VARCHAR(64) NOT NULL,
    device      VARCHAR(200) NOT NULL,
    outcome     VARCHAR(40) NOT NULL
);
CREATE INDEX login_event_customer ON login_event (customer_id, at DESC);

CREATE TABLE password_reset_code
(
    id          UUID PRIMARY KEY,
    customer_id UUID        NOT NULL REFERENCES customer (id),
    code_hash   TEXT        NOT NULL,
    channel     VARCHAR(10) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    attempts    INT         NOT NULL DEFAULT 0,
    used_at     TIMESTAMPTZ
);
CREATE INDEX password_reset_code_customer ON password_reset_code (customer_id, created_at DESC);

CREATE TABLE recovery_code
(
    customer_id UUID NOT NULL REFERENCES customer (id),
    code_hash   CHAR(64) NOT NULL,
    used_at     TIMESTAMPTZ,
    PRIMARY KEY (customer_id, code_hash)
);

CREATE TABLE identity_verification
(
    id          UUID PRIMARY KEY,
    customer_id UUID        NOT NULL REFERENCES customer (id),
    staff_id    UUID        NOT NULL REFERENCES staff_user (id),
    checks      TEXT        NOT NULL,
    note        TEXT,
    at          TIMESTAMPTZ NOT NULL
);
