-- The phone hotline: every call the phone system reports, blocked numbers, and IVR sessions by CallSid.
CREATE TABLE phone_call
(
    call_id       VARCHAR(100) PRIMARY KEY,
    direction     VARCHAR(3)   NOT NULL CHECK (direction IN ('in', 'out')),
    from_number   VARCHAR(40)  NOT NULL,
    to_number     VARCHAR(40)  NOT NULL,
    caller        VARCHAR(20),
    customer_id   UUID,
    queue         VARCHAR(60),
    state         VARCHAR(12)  NOT NULL
        CHECK (state IN ('ringing', 'answered', 'ended', 'missed', 'abandoned', 'rejected')),
    agent         VARCHAR(100),
    transfers     INT          NOT NULL DEFAULT 0,
    cause         VARCHAR(20),
    ticket_id     UUID,
    started_at    TIMESTAMPTZ  NOT NULL,
    answered_at   TIMESTAMPTZ,
    ended_at      TIMESTAMPTZ
);
CREATE INDEX phone_call_customer ON phone_call (customer_id, started_at DESC);
CREATE INDEX phone_call_started ON phone_call (started_at DESC);

CREATE TABLE phone_call_note
(
    id         BIGSERIAL PRIMARY KEY,
    call_id    VARCHAR(100) NOT NULL REFERENCES phone_call (call_id),
    author_id  UUID         NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE blocked_number
(
    number     VARCHAR(20) PRIMARY KEY,
    reason     VARCHAR(500) NOT NULL,
    blocked_by UUID         NOT NULL,
    blocked_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE ivr_session
(
    call_sid    VARCHAR(100) PRIMARY KEY,
    caller      VARCHAR(20),
    language    VARCHAR(10),
    step        VARCHAR(20)  NOT NULL,
    topic       VARCHAR(40),
    updated_at  TIMESTAMPTZ  NOT NULL
);
