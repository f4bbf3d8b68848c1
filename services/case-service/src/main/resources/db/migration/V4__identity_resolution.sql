-- Funder reporting (package se.kedja.cases.reporting).
-- Participants with a protected identity (skyddad identitet): their personnummer is never
-- given out in a report; the funder's placeholder goes in its place.
CREATE TABLE protected_identity (
    participant_id UUID PRIMARY KEY,
    marked_by TEXT NOT NULL,
    marked_at TIMESTAMPTZ NOT NULL
);

-- Every request to turn a report's pseudonymous ids into personnummer, granted or refused:
-- who, when, in which role, for which report (id and content hash), why, how many.
-- Append-only.
CREATE TABLE identity_resolution (
    id BIGSERIAL PRIMARY KEY,
    requested_at TIMESTAMPTZ NOT NULL,
    requested_by TEXT NOT NULL,
    role TEXT,
    report_id TEXT,
    report_hash TEXT,
    purpose TEXT,
    participant_count INT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT
);

CREATE FUNCTION identity_resolution_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'identity_resolution is append-only';
END
$$;

CREATE TRIGGER identity_resolution_append_only BEFORE UPDATE OR DELETE ON identity_resolution
    FOR EACH ROW EXECUTE FUNCTION identity_resolution_is_append_only();
