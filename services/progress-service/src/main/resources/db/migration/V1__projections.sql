-- The dedupe key of every projection: an event is applied once, in the same transaction
-- as its effects.
CREATE TABLE processed_event (
    event_id uuid PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- Every case event as received, so a case can be folded again (corrections, as-of).
CREATE TABLE case_event (
    event_id uuid PRIMARY KEY,
    participant_id uuid NOT NULL,
    project_id text,
    sequence bigint NOT NULL,
    type text NOT NULL,
    business_date date NOT NULL,
    recorded_at timestamptz NOT NULL,
    envelope bytea NOT NULL
);
CREATE INDEX case_event_by_participant ON case_event (participant_id, sequence);
CREATE INDEX case_event_by_project ON case_event (project_id, recorded_at);

-- One row per participant: the current fold of their case.
CREATE TABLE participant (
    participant_id uuid PRIMARY KEY,
    project_id text NOT NULL,
    site text,
    coach text,
    gender text NOT NULL,
    age_band text NOT NULL,
    municipality text,
    target_groups text[] NOT NULL,
    entry_situations text[] NOT NULL,
    enrolled_on date NOT NULL,
    exited_on date,
    outcome text,
    post_exit_status jsonb NOT NULL,
    paused boolean NOT NULL,
    responsible_actor text,
    pending_transfer_since date,
    last_follow_up_on date,
    plan_agreed_on date,
    accessibility_reviewed_everywhere boolean NOT NULL,
    plan_deadline_missed boolean NOT NULL,
    post_exit_follow_up_deadline_missed boolean NOT NULL,
    erased boolean NOT NULL,
    last_recorded_at timestamptz NOT NULL,
    state jsonb NOT NULL
);
CREATE INDEX participant_by_project ON participant (project_id, exited_on);

-- Each revision of a project's definition, as recorded.
CREATE TABLE project_definition (
    project_id text NOT NULL,
    revision int NOT NULL,
    recorded_at timestamptz NOT NULL,
    envelope bytea NOT NULL,
    PRIMARY KEY (project_id, revision)
);

-- The dashboard's maintained figures: sums of what each participant adds (see TallyKey).
CREATE TABLE goal_tally (
    project_id text NOT NULL,
    goal_id text NOT NULL,
    dimension text NOT NULL,
    bucket text NOT NULL,
    measure text NOT NULL,
    day date NOT NULL,
    value bigint NOT NULL,
    PRIMARY KEY (project_id, goal_id, dimension, bucket, measure, day)
);

-- Shadow copies that a rebuild fills beside the live tables before they swap places.
CREATE TABLE processed_event_shadow (LIKE processed_event INCLUDING ALL);
CREATE TABLE case_event_shadow (LIKE case_event INCLUDING ALL);
CREATE TABLE participant_shadow (LIKE participant INCLUDING ALL);
CREATE TABLE project_definition_shadow (LIKE project_definition INCLUDING ALL);
CREATE TABLE goal_tally_shadow (LIKE goal_tally INCLUDING ALL);

-- Events no consumer could handle, as sent to the dead-letter topic.
CREATE TABLE dead_letter (
    id bigserial PRIMARY KEY,
    topic text NOT NULL,
    kafka_partition int NOT NULL,
    kafka_offset bigint NOT NULL,
    record_key text,
    reason text NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now()
);
