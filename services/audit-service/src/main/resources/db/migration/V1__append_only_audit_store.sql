-- The audit store is append-only: rows are inserted once and never changed. The trigger
-- refuses UPDATE, DELETE and TRUNCATE even for the owner; the REVOKEs take the privilege
-- away from everyone who is not a superuser (a superuser can still disable the trigger,
-- which is exactly what the hash-chain verification exists to catch).
CREATE FUNCTION audit.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit.% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- One row per case event as received from kedja.case-events; event_id is the dedupe key.
CREATE TABLE audit.case_event (
    event_id        uuid        PRIMARY KEY,
    participant_id  uuid        NOT NULL,
    sequence        bigint      NOT NULL,
    type            text        NOT NULL,
    schema_version  integer     NOT NULL,
    business_date   date        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    -- the recording time exactly as it travelled (the hash covers the text, to the nanosecond)
    recorded_at_text text       NOT NULL,
    recorded_by     text        NOT NULL,
    command_id      uuid,
    correlation_id  uuid,
    import_id       text,
    hash            text        NOT NULL,
    previous_hash   text,
    global_position bigint,
    topic_partition integer     NOT NULL,
    topic_offset    bigint      NOT NULL,
    payload         jsonb       NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now()
);

-- Not unique on purpose: two different events claiming the same sequence is a finding for
-- verification, not something intake may silently drop.
CREATE INDEX case_event_by_case ON audit.case_event (participant_id, sequence);

-- Which project a case belongs to, learnt from its enrolment.
CREATE TABLE audit.case_project (
    participant_id uuid PRIMARY KEY,
    project_id     text NOT NULL
);
CREATE INDEX case_project_by_project ON audit.case_project (project_id);

-- Every read of a case, hash-chained: each row's hash covers the previous row's hash.
CREATE TABLE audit.access_log (
    position       bigint      PRIMARY KEY,
    accessed_at    timestamptz NOT NULL,
    accessed_by    text        NOT NULL,
    participant_id uuid,
    action         text        NOT NULL,
    purpose        text        NOT NULL,
    detail         text        NOT NULL,
    previous_hash  text        NOT NULL,
    hash           text        NOT NULL
);
CREATE INDEX access_log_by_participant ON audit.access_log (participant_id, accessed_at);
CREATE INDEX access_log_by_user ON audit.access_log (accessed_by, accessed_at);

-- Ed25519 key pairs this service signs checkpoints with (when no key file is configured).
CREATE TABLE audit.signing_key (
    key_id      text        PRIMARY KEY,
    public_key  bytea       NOT NULL,
    private_key bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Signed checkpoints: a Merkle root over the heads of every case in a project.
CREATE TABLE audit.checkpoint (
    checkpoint_id uuid        PRIMARY KEY,
    project_id    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    document      jsonb       NOT NULL
);
CREATE INDEX checkpoint_by_project ON audit.checkpoint (project_id, created_at);

CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON audit.case_event
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER case_event_no_truncate BEFORE TRUNCATE ON audit.case_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER case_project_append_only BEFORE UPDATE OR DELETE ON audit.case_project
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON audit.access_log
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON audit.access_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER signing_key_append_only BEFORE UPDATE OR DELETE ON audit.signing_key
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER checkpoint_append_only BEFORE UPDATE OR DELETE ON audit.checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON audit.case_event, audit.case_project, audit.access_log,
    audit.signing_key, audit.checkpoint FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit.case_event, audit.case_project, audit.access_log,
    audit.signing_key, audit.checkpoint FROM CURRENT_USER;
