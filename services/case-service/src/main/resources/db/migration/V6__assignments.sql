-- Who is assigned to which project (and, optionally, which sites): the state in force,
-- and every change on record (append-only).
CREATE TABLE assignment (
    project_id  text        NOT NULL,
    user_id     text        NOT NULL,
    sites       text[]      NOT NULL DEFAULT '{}',
    assigned_at timestamptz NOT NULL,
    assigned_by text        NOT NULL,
    PRIMARY KEY (project_id, user_id)
);

CREATE INDEX assignment_by_user ON assignment (user_id);

CREATE TABLE assignment_log (
    entry_id    bigserial   PRIMARY KEY,
    project_id  text        NOT NULL,
    user_id     text        NOT NULL,
    action      text        NOT NULL CHECK (action IN ('assigned', 'unassigned')),
    sites       text[]      NOT NULL DEFAULT '{}',
    recorded_at timestamptz NOT NULL,
    recorded_by text        NOT NULL
);

CREATE FUNCTION assignment_log_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'assignment_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER assignment_log_append_only BEFORE UPDATE OR DELETE ON assignment_log
    FOR EACH ROW EXECUTE FUNCTION assignment_log_is_append_only();
