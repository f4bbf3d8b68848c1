package se.kedja.progress.intake;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventJson;
import se.kedja.progress.goals.Breach;
import se.kedja.progress.goals.Goal;
import se.kedja.progress.goals.TallyKey;
import se.kedja.progress.projects.ProjectCatalog;

/**
 * Writes whole case histories replayed in memory ({@link CaseReplay}) into a set of
 * projection tables that holds none of them yet: the events with COPY, the participants,
 * exception rows and summed counters in one statement each.
 */
@Repository
public class BulkProjection {

	private static final String CASE_EVENT_COLUMNS = "event_id, participant_id, project_id, sequence, type,"
			+ " business_date, recorded_at, envelope";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final EventJson json;

	private final ParticipantFold fold;

	private final ParticipantStore participants;

	private final QualityExceptionStore exceptions;

	private final TallyStore tallies;

	private final ProjectCatalog catalog;

	BulkProjection(DataSource dataSource, JdbcClient jdbc, EventJson json, ParticipantFold fold,
			ParticipantStore participants, QualityExceptionStore exceptions, TallyStore tallies,
			ProjectCatalog catalog) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.json = json;
		this.fold = fold;
		this.participants = participants;
		this.exceptions = exceptions;
		this.tallies = tallies;
		this.catalog = catalog;
	}

	/** The goals of each project as the tables' definitions now stand, read once each. */
	public Function<String, List<Goal>> goalsInForce(ProjectionTables tables) {
		Map<String, List<Goal>> goals = new HashMap<>();
		return (projectId) -> goals.computeIfAbsent(projectId,
				(id) -> this.catalog.current(tables, id).map((project) -> project.goals().goals()).orElse(List.of()));
	}

	public CaseReplay replay(UUID participantId, Function<String, List<Goal>> goals) {
		return new CaseReplay(participantId, this.fold, goals, this.json);
	}

	/**
	 * Writes what {@code replays} leave, in the caller's transaction. None of their
	 * participants may have rows in {@code tables} yet.
	 */
	public void write(ProjectionTables tables, List<CaseReplay> replays) {
		BinaryCopy events = new BinaryCopy();
		BinaryCopy processed = new BinaryCopy();
		List<ParticipantStore.Saved> saved = new ArrayList<>();
		Map<QualityExceptionStore.CaseKey, List<Breach>> rows = new LinkedHashMap<>();
		for (CaseReplay replay : replays) {
			for (CaseReplay.Kept kept : replay.kept()) {
				UUID eventId = kept.envelope().eventId().value();
				CaseEvent event = kept.envelope().payload();
				events.row(8)
					.uuid(eventId)
					.uuid(event.participantId().value())
					.text(kept.projectId())
					.int8(kept.envelope().sequence())
					.text(kept.envelope().type())
					.date(kept.envelope().businessDate())
					.timestamptz(kept.envelope().recordedAt())
					.bytea(kept.json());
				processed.row(1).uuid(eventId);
			}
			ParticipantStore.Saved row = replay.saved();
			if (row != null) {
				saved.add(row);
			}
			String participantId = replay.participantId().toString();
			replay.exceptions()
				.forEach((projectId, breaches) -> rows.put(new QualityExceptionStore.CaseKey(projectId, participantId),
						breaches));
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			processed.into(connection, tables.processedEvent(), "event_id");
			events.into(connection, tables.caseEvent(), CASE_EVENT_COLUMNS);
			this.participants.copyAll(connection, tables, saved);
			this.exceptions.copyAll(connection, tables, rows);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Whether {@code replays} are written already: their first event is (a chunk is
	 * written in one transaction).
	 */
	public boolean written(ProjectionTables tables, List<CaseReplay> replays) {
		for (CaseReplay replay : replays) {
			if (!replay.kept().isEmpty()) {
				return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + tables.processedEvent() + " WHERE event_id = ?)")
					.param(replay.kept().get(0).envelope().eventId().value())
					.query(Boolean.class)
					.single();
			}
		}
		return false;
	}

	/** Adds summed counters to those in {@code tables}. */
	public void addTallies(ProjectionTables tables, Map<String, Map<TallyKey, Long>> sums) {
		this.tallies.addAll(tables, sums);
	}

}
