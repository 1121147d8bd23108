CREATE TABLE audit_entry
(
    id           BIGSERIAL PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL,
    actor_kind   VARCHAR(10) NOT NULL,
    actor_id     UUID,
    action       VARCHAR(60) NOT NULL,
    subject_kind VARCHAR(30),
    subject_id   UUID,
    ip           VARCHAR(64) NOT NULL,
    details      TEXT        NOT NULL DEFAULT ''
);
CREATE INDEX audit_entry_subject ON audit_entry (subject_id, id DESC);
CREATE INDEX audit_entry_actor ON audit_entry (actor_id, id DESC);

-- Append-only: the database itself refuses to change or remove an entry.
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger AS
$$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE
    ON audit_entry
    FOR EACH STATEMENT
EXECUTE FUNCTION audit_entry_is_append_only();
