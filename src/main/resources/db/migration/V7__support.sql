CREATE TABLE support_queue
(
    id       VARCHAR(40) PRIMARY KEY,
    topic    VARCHAR(20) NOT NULL,
    language VARCHAR(10) NOT NULL,
    UNIQUE (topic, language)
);
INSERT INTO support_queue (id, topic, language)
SELECT t || '-' || lower(l), t, l
FROM unnest(ARRAY ['account', 'payments', 'withdrawals', 'disputes', 'security', 'general']) AS t,
     unnest(ARRAY ['zh-CN', 'en', 'fr', 'de']) AS l;

-- First-response and resolution targets in business minutes, per priority.
CREATE TABLE sla_policy
(
    priority            VARCHAR(10) PRIMARY KEY,
    first_response_mins INT NOT NULL,
    resolution_mins     INT NOT NULL
);
INSERT INTO sla_policy VALUES ('urgent', 30, 240), ('high', 60, 480), ('normal', 240, 1440), ('low', 480, 2880);

CREATE TABLE ticket
(
    id                     UUID PRIMARY KEY,
    number                 BIGSERIAL UNIQUE,
    customer_id            UUID         NOT NULL,
    subject                VARCHAR(200) NOT NULL,
    channel                VARCHAR(10)  NOT NULL,
    language               VARCHAR(10)  NOT NULL,
    status                 VARCHAR(10)  NOT NULL,
    priority               VARCHAR(10)  NOT NULL,
    queue_id               VARCHAR(40)  NOT NULL REFERENCES support_queue (id),
    assignee_id            UUID,
    tags                   TEXT[]       NOT NULL DEFAULT '{}',
    transaction_id         UUID,
    first_response_due     TIMESTAMPTZ,
    resolution_due         TIMESTAMPTZ,
    first_responded_at     TIMESTAMPTZ,
    sla_paused_at          TIMESTAMPTZ,
    first_response_breached BOOLEAN     NOT NULL DEFAULT FALSE,
    resolution_breached    BOOLEAN      NOT NULL DEFAULT FALSE,
    solved_at              TIMESTAMPTZ,
    closed_at              TIMESTAMPTZ,
    csat_score             INT CHECK (csat_score BETWEEN 1 AND 5),
    csat_comment           VARCHAR(1000),
    created_at             TIMESTAMPTZ  NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ticket_customer ON ticket (customer_id, created_at DESC);
CREATE INDEX ticket_queue_status ON ticket (queue_id, status);
CREATE INDEX ticket_assignee ON ticket (assignee_id) WHERE status IN ('new', 'open', 'pending', 'on_hold');

CREATE TABLE ticket_entry
(
    id         BIGSERIAL PRIMARY KEY,
    ticket_id  UUID        NOT NULL REFERENCES ticket (id),
    kind       VARCHAR(10) NOT NULL CHECK (kind IN ('customer', 'agent', 'note', 'system')),
    author_id  UUID,
    body       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ticket_entry_ticket ON ticket_entry (ticket_id, id);

CREATE TABLE agent_presence
(
    staff_id         UUID PRIMARY KEY,
    available        BOOLEAN     NOT NULL DEFAULT TRUE,
    capacity         INT         NOT NULL DEFAULT 10,
    last_assigned_at TIMESTAMPTZ NOT NULL DEFAULT '1970-01-01'
);

CREATE TABLE macro
(
    id         VARCHAR(40) PRIMARY KEY,
    set_status VARCHAR(10),
    set_queue_topic VARCHAR(20),
    add_tags   TEXT[] NOT NULL DEFAULT '{}'
);

CREATE TABLE macro_text
(
    macro_id VARCHAR(40) NOT NULL REFERENCES macro (id),
    language VARCHAR(10) NOT NULL,
    title    VARCHAR(200) NOT NULL,
    body     TEXT NOT NULL,
    PRIMARY KEY (macro_id, language)
);
