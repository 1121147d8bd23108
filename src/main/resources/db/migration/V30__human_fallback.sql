-- A conversation that machine translation could not carry: it needs a person who speaks
-- the customer's language (one row per ticket and reason; answered once such a person
-- has replied).
CREATE TABLE speaker_request
(
    ticket_id   UUID        NOT NULL REFERENCES ticket (id),
    reason      VARCHAR(20) NOT NULL CHECK (reason IN ('no_translator', 'translator_failed', 'over_quota',
                                                        'check_failed', 'flagged_unclear', 'dispute')),
    language    VARCHAR(5)  NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    answered_at TIMESTAMPTZ,
    PRIMARY KEY (ticket_id, reason)
);
CREATE INDEX speaker_request_open ON speaker_request (language) WHERE answered_at IS NULL;

-- A chat that only a speaker of its language may take now.
ALTER TABLE chat_conversation ADD COLUMN needs_speaker BOOLEAN NOT NULL DEFAULT FALSE;

-- A chat message carried across languages: a customer's words translated for the agent,
-- or the original of an agent's words sent translated.
ALTER TABLE chat_message
    ADD COLUMN translation_kind     VARCHAR(11) CHECK (translation_kind IN ('translation', 'original')),
    ADD COLUMN translation_text     TEXT,
    ADD COLUMN translation_language VARCHAR(5),
    ADD COLUMN translation_provider VARCHAR(20);
