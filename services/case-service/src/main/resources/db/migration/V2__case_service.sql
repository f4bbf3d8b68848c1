-- Read models and case-service's own tables. Events stay in domain_event_entry; these are
-- derived from them (project, project_site, case_summary, event_chain) or hold what must
-- never be in an event (personal data).

CREATE TABLE project (
    project_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    plan_due_days INT NOT NULL,
    revision INT NOT NULL,
    definition_digest TEXT,
    definition JSONB NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE project_site (
    project_id TEXT NOT NULL REFERENCES project ON DELETE CASCADE,
    site_id TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (project_id, site_id)
);

CREATE TABLE case_summary (
    participant_id UUID PRIMARY KEY,
    project_id TEXT NOT NULL,
    site_id TEXT NOT NULL,
    coach_id TEXT NOT NULL,
    responsible_actor TEXT,
    status TEXT NOT NULL,
    enrolled_on DATE NOT NULL,
    plan_agreed_on DATE,
    last_follow_up_on DATE,
    exited_on DATE,
    personal_data_erased BOOLEAN NOT NULL DEFAULT FALSE,
    version BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_summary_caseload ON case_summary (project_id, coach_id, status);

-- Personal data: the participant's own AES key, wrapped with the service key; the
-- AES-GCM ciphertext of name, personnummer and contact details; and an HMAC fingerprint of
-- the personnummer while a case is open, to refuse a second enrolment in the project.
CREATE TABLE participant_data_key (
    participant_id UUID PRIMARY KEY,
    wrapped_key BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE participant_personal_data (
    participant_id UUID PRIMARY KEY REFERENCES participant_data_key ON DELETE CASCADE,
    ciphertext BYTEA NOT NULL
);

CREATE TABLE enrolment_fingerprint (
    project_id TEXT NOT NULL,
    fingerprint BYTEA NOT NULL,
    participant_id UUID NOT NULL UNIQUE,
    PRIMARY KEY (project_id, fingerprint)
);

-- Idempotency-Key: the first response to a key is kept and replayed to retries.
CREATE TABLE idempotent_request (
    idempotency_key TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    request_digest TEXT NOT NULL,
    status INT NOT NULL,
    location TEXT,
    body TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (idempotency_key, recorded_by)
);

-- The hash chain of every published stream: one row per event, written in the same
-- transaction as the publisher's token, so a re-publication computes the same hashes.
CREATE TABLE event_chain (
    stream_id TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    event_id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    PRIMARY KEY (stream_id, sequence)
);
