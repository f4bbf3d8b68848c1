-- Bulk imports: the job, the identity of every line an import recorded (a line already
-- imported is not recorded again), the file's references for people, and the report of
-- every line. Nothing here is a fact of a case; the events are in domain_event_entry
-- with the import id in their metadata.

CREATE TABLE import_job (
    import_id UUID PRIMARY KEY,
    project_id TEXT NOT NULL,
    format TEXT NOT NULL,
    file_name TEXT NOT NULL,
    dry_run BOOLEAN NOT NULL,
    status TEXT NOT NULL,
    started_by TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    started_at TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    lines_read BIGINT NOT NULL DEFAULT 0,
    accepted BIGINT NOT NULL DEFAULT 0,
    rejected BIGINT NOT NULL DEFAULT 0,
    already_imported BIGINT NOT NULL DEFAULT 0,
    failure TEXT,
    reverted_at TIMESTAMPTZ,
    reverted_by TEXT,
    cases_reverted INT
);
CREATE INDEX import_job_project ON import_job (project_id, created_at);

-- line_identity: SHA-256 of project, person (HMAC of the personnummer, or the file's
-- reference for them), command, business date and the line's content.
CREATE TABLE import_line (
    project_id TEXT NOT NULL,
    line_identity TEXT NOT NULL,
    import_id UUID NOT NULL,
    participant_id UUID NOT NULL,
    PRIMARY KEY (project_id, line_identity)
);
CREATE INDEX import_line_import ON import_line (import_id);

CREATE TABLE import_participant (
    project_id TEXT NOT NULL,
    external_ref TEXT NOT NULL,
    participant_id UUID NOT NULL,
    import_id UUID NOT NULL,
    PRIMARY KEY (project_id, external_ref)
);
CREATE INDEX import_participant_import ON import_participant (import_id);

CREATE TABLE import_result (
    import_id UUID NOT NULL,
    line_no BIGINT NOT NULL,
    outcome TEXT NOT NULL,
    command TEXT,
    participant TEXT,
    column_name TEXT,
    code TEXT,
    reason_sv TEXT,
    reason_en TEXT,
    PRIMARY KEY (import_id, line_no)
);
