-- Feedback: what customers tell the product team, from the form, satisfaction comments and tickets
-- agents mark; classified (kind, product area, sentiment) and grouped across languages.
CREATE TABLE feedback_group
(
    id                UUID PRIMARY KEY,
    signature         VARCHAR(200) NOT NULL UNIQUE,
    area              VARCHAR(20)  NOT NULL,
    themes            TEXT[]       NOT NULL DEFAULT '{}',
    kind              VARCHAR(20),
    status            VARCHAR(10)  NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'planned', 'shipped')),
    announcement      TEXT,
    status_changed_at TIMESTAMPTZ,
    created_at        TIMESTAMPTZ  NOT NULL
);

CREATE TABLE feedback
(
    id               UUID PRIMARY KEY,
    customer_id      UUID,
    source           VARCHAR(10)  NOT NULL CHECK (source IN ('form', 'csat', 'ticket')),
    channel          VARCHAR(10)  NOT NULL,
    language         VARCHAR(10)  NOT NULL,
    text             TEXT         NOT NULL,
    category         VARCHAR(30),
    app_version      VARCHAR(30),
    device           VARCHAR(100),
    ticket_id        UUID,
    kind             VARCHAR(20)  NOT NULL,
    area             VARCHAR(20)  NOT NULL,
    sentiment        VARCHAR(10)  NOT NULL,
    kind_confidence  REAL         NOT NULL DEFAULT 0,
    area_confidence  REAL         NOT NULL DEFAULT 0,
    corrected        BOOLEAN      NOT NULL DEFAULT false,
    -- a ticket the classifier flagged counts once an agent confirms it
    confirmed        BOOLEAN      NOT NULL DEFAULT true,
    group_id         UUID REFERENCES feedback_group (id),
    created_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX feedback_created ON feedback (created_at);
CREATE INDEX feedback_in_group ON feedback (group_id, created_at);
CREATE UNIQUE INDEX feedback_from_ticket ON feedback (ticket_id) WHERE ticket_id IS NOT NULL;

-- Labels people corrected: kept, and used by the next training.
CREATE TABLE feedback_correction
(
    id           BIGSERIAL PRIMARY KEY,
    feedback_id  UUID        NOT NULL REFERENCES feedback (id),
    field        VARCHAR(10) NOT NULL CHECK (field IN ('kind', 'area', 'sentiment')),
    old_value    VARCHAR(20) NOT NULL,
    new_value    VARCHAR(20) NOT NULL,
    corrected_by UUID        NOT NULL,
    corrected_at TIMESTAMPTZ NOT NULL
);

-- The weekly report, sent once per week whichever instance gets there first.
CREATE TABLE feedback_report_run
(
    week    DATE PRIMARY KEY,
    sent_at TIMESTAMPTZ NOT NULL
);
