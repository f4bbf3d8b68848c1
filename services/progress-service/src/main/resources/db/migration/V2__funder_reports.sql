-- Every monthly participant report produced for the funder, exactly as produced: its bytes,
-- their SHA-256, who produced it and the cut-off (what had been recorded before it).
-- Append-only: a re-sent month is a new version, never an update.
CREATE TABLE funder_report (
    report_id uuid PRIMARY KEY,
    project_id text NOT NULL,
    month text NOT NULL,
    version int NOT NULL,
    cut_off timestamptz NOT NULL,
    produced_at timestamptz NOT NULL,
    produced_by text NOT NULL,
    row_count int NOT NULL,
    content_sha256 text NOT NULL,
    content bytea NOT NULL,
    UNIQUE (project_id, month, version)
);

CREATE FUNCTION funder_report_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'funder_report is append-only';
END
$$;

CREATE TRIGGER funder_report_append_only BEFORE UPDATE OR DELETE ON funder_report
    FOR EACH ROW EXECUTE FUNCTION funder_report_is_append_only();
