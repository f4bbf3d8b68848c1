-- The tables Axon's JDBC storage expects, in the form its PostgresEventTableFactory,
-- PostgresTokenTableFactory and GenericDeadLetterTableFactory would create them.

CREATE TABLE domain_event_entry (
    global_index BIGSERIAL NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number BIGINT NOT NULL,
    type VARCHAR(255),
    event_identifier VARCHAR(255) NOT NULL,
    meta_data BYTEA,
    payload BYTEA NOT NULL,
    payload_revision VARCHAR(255),
    payload_type VARCHAR(255) NOT NULL,
    time_stamp VARCHAR(255) NOT NULL,
    PRIMARY KEY (global_index),
    UNIQUE (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number BIGINT NOT NULL,
    type VARCHAR(255) NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    meta_data BYTEA,
    payload BYTEA NOT NULL,
    payload_revision VARCHAR(255),
    payload_type VARCHAR(255) NOT NULL,
    time_stamp VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment INTEGER NOT NULL,
    token BYTEA NULL,
    token_type VARCHAR(255) NULL,
    timestamp VARCHAR(255) NULL,
    owner VARCHAR(255) NULL,
    PRIMARY KEY (processor_name, segment)
);

-- Snake-case names: a JdbcSequencedDeadLetterQueue on this table needs a DeadLetterSchema
-- naming these columns (Axon's defaults are camel case).
CREATE TABLE dead_letter_entry (
    dead_letter_identifier VARCHAR(255) NOT NULL,
    processing_group VARCHAR(255) NOT NULL,
    sequence_identifier VARCHAR(255) NOT NULL,
    sequence_index BIGINT NOT NULL,
    message_type VARCHAR(255) NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    time_stamp VARCHAR(255) NOT NULL,
    payload_type VARCHAR(255) NOT NULL,
    payload_revision VARCHAR(255),
    payload BYTEA NOT NULL,
    meta_data BYTEA,
    aggregate_type VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number BIGINT,
    token_type VARCHAR(255),
    token BYTEA,
    enqueued_at VARCHAR(255) NOT NULL,
    last_touched VARCHAR(255),
    processing_started VARCHAR(255),
    cause_type VARCHAR(255),
    cause_message VARCHAR(1023),
    diagnostics BYTEA,
    PRIMARY KEY (dead_letter_identifier),
    UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_processing_group ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence ON dead_letter_entry (processing_group, sequence_identifier);

-- db-scheduler's table, behind Axon's DbSchedulerDeadlineManager: deadlines survive restarts.
CREATE TABLE scheduled_tasks (
    task_name TEXT NOT NULL,
    task_instance TEXT NOT NULL,
    task_data BYTEA,
    execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
    picked BOOLEAN NOT NULL,
    picked_by TEXT,
    last_success TIMESTAMP WITH TIME ZONE,
    last_failure TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat TIMESTAMP WITH TIME ZONE,
    version BIGINT NOT NULL,
    priority SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
