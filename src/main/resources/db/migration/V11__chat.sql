-- Live chat: a conversation belongs to a signed-in customer or to an anonymous visitor (until they sign in);
-- every message is stored with its per-conversation sequence number before anyone is told about it.
CREATE TABLE chat_conversation
(
    id            UUID PRIMARY KEY,
    customer_id   UUID,
    visitor_id    VARCHAR(64),
    language      VARCHAR(10),
    status        VARCHAR(10) NOT NULL CHECK (status IN ('bot', 'queued', 'agent', 'offline', 'ended')),
    agent_id      UUID,
    ticket_id     UUID,
    last_seq      INT         NOT NULL DEFAULT 0,
    customer_read INT         NOT NULL DEFAULT 0,
    agent_read    INT         NOT NULL DEFAULT 0,
    satisfaction  SMALLINT CHECK (satisfaction BETWEEN 1 AND 5),
    created_at    TIMESTAMPTZ NOT NULL,
    queued_at     TIMESTAMPTZ,
    ended_at      TIMESTAMPTZ,
    CHECK (customer_id IS NOT NULL OR visitor_id IS NOT NULL)
);
CREATE INDEX chat_conversation_customer ON chat_conversation (customer_id, created_at DESC);
CREATE INDEX chat_conversation_visitor ON chat_conversation (visitor_id, created_at DESC);
CREATE INDEX chat_conversation_waiting ON chat_conversation (status, language, queued_at) WHERE status = 'queued';
CREATE INDEX chat_conversation_agent ON chat_conversation (agent_id) WHERE status = 'agent';

CREATE TABLE chat_message
(
    conversation_id UUID        NOT NULL REFERENCES chat_conversation (id),
    seq             INT         NOT NULL,
    sender          VARCHAR(10) NOT NULL CHECK (sender IN ('customer', 'bot', 'agent', 'system')),
    author_id       UUID,
    text            TEXT        NOT NULL,
    articles        TEXT,
    buttons         TEXT,
    attachment_id   UUID,
    attachment_name VARCHAR(200),
    attachment_type VARCHAR(100),
    sent_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
