-- The command that last changed a case: later events of the same command pass the
-- If-Match check that its first event made (CaseSummaryProjection).
ALTER TABLE case_summary ADD COLUMN last_command_id TEXT;
