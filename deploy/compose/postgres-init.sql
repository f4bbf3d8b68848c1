-- Runs once, when the postgres container initialises an empty data volume
-- (mounted into /docker-entrypoint-initdb.d). Each service owns one schema of the
-- database "kedja"; Flyway in each service would create its schema too, but creating
-- them here keeps the owner explicit and lets a read-only role be added later.
CREATE SCHEMA IF NOT EXISTS cases AUTHORIZATION CURRENT_USER;
CREATE SCHEMA IF NOT EXISTS progress AUTHORIZATION CURRENT_USER;
CREATE SCHEMA IF NOT EXISTS audit AUTHORIZATION CURRENT_USER;
