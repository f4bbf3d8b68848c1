-- The dashboard lists each quality goal's first exceptions by business date, then
-- participant id: this index serves that order, so the read walks as many rows as it
-- lists rather than every exception of the project. (How many exceptions there are comes
-- from the counters in goal_tally.)
CREATE INDEX quality_exception_listed ON quality_exception (project_id, goal_id, business_date, participant_id);
CREATE INDEX quality_exception_shadow_listed ON quality_exception_shadow (project_id, goal_id, business_date, participant_id);
