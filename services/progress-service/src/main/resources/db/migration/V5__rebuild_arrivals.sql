-- The case events a rebuild has read from the topic, in their order of arrival, before
-- it folds each case once. Unlogged: a crash loses the rebuild anyway.
CREATE UNLOGGED TABLE rebuild_arrival (
    arrival bigint NOT NULL,
    participant_id uuid NOT NULL,
    envelope bytea NOT NULL
);
