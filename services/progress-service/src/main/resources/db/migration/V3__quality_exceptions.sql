-- The cases that break a quality goal's rule, one row per goal and case, kept beside the
-- counters in the same transaction. A row whose window is still open (pending_until, the
-- last day to keep the rule) lists only once that day has passed. Cases recorded before
-- this table existed are filled at the next start (see backfill below).
CREATE TABLE quality_exception (
    project_id text NOT NULL,
    goal_id text NOT NULL,
    participant_id uuid NOT NULL,
    reason text NOT NULL,
    business_date date NOT NULL,
    pending_until date,
    detail text NOT NULL,
    PRIMARY KEY (project_id, goal_id, participant_id)
);
CREATE INDEX quality_exception_by_participant ON quality_exception (participant_id);

CREATE TABLE quality_exception_shadow (LIKE quality_exception INCLUDING ALL);

-- One-off fills at start-up, each done once: 'quality-exceptions' folds every case again
-- from its stored events to fill quality_exception for cases recorded before it existed.
CREATE TABLE backfill (
    name text PRIMARY KEY,
    done_at timestamptz
);
INSERT INTO backfill (name) VALUES ('quality-exceptions');
