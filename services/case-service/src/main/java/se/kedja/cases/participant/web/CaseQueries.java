package se.kedja.cases.participant.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.kedja.cases.personaldata.PersonalData;
import se.kedja.cases.personaldata.PersonalDataStore;
import se.kedja.events.ParticipantId;
import se.kedja.events.ProjectId;

/** Reads of the case summary, with the person's data while it exists. */
@Component
class CaseQueries {

	private static final String COLUMNS = """
			participant_id, project_id, site_id, coach_id, responsible_actor, status, enrolled_on,
			plan_agreed_on, last_follow_up_on, exited_on, personal_data_erased, version""";

	private final JdbcClient jdbc;

	private final PersonalDataStore personalData;

	CaseQueries(JdbcClient jdbc, PersonalDataStore personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	record Person(String name, String personnummer, @Nullable String email, @Nullable String phone,
			@Nullable String address) {

		static Person of(PersonalData data) {
			return new Person(data.name(), data.personnummer(), data.email(), data.phone(), data.address());
		}

	}

	record CaseView(String participantId, String projectId, String siteId, String coachId,
			@Nullable String responsibleActor, String status, LocalDate enrolledOn, @Nullable LocalDate planAgreedOn,
			@Nullable LocalDate lastFollowUpOn, @Nullable LocalDate exitedOn, boolean personalDataErased, long version,
			@Nullable Person person) {

		CaseView withPerson(@Nullable Person person) {
			return new CaseView(this.participantId, this.projectId, this.siteId, this.coachId, this.responsibleActor,
					this.status, this.enrolledOn, this.planAgreedOn, this.lastFollowUpOn, this.exitedOn,
					this.personalDataErased, this.version, person);
		}

	}

	record Page(List<CaseView> items, int page, int size, long total) {
	}

	Optional<CaseView> find(ParticipantId participant) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM case_summary WHERE participant_id = ?")
			.param(participant.value())
			.query(CaseQueries::view)
			.optional()
			.map(this::withPerson);
	}

	Optional<ProjectId> projectOf(ParticipantId participant) {
		return this.jdbc.sql("SELECT project_id FROM case_summary WHERE participant_id = ?")
			.param(participant.value())
			.query(String.class)
			.optional()
			.map(ProjectId::of);
	}

	Page caseload(ProjectId project, @Nullable String coach, @Nullable String site, @Nullable String status, int page,
			int size) {
		StringBuilder where = new StringBuilder(" WHERE project_id = ?");
		List<Object> params = new ArrayList<>(List.of(project.value()));
		if (coach != null) {
			where.append(" AND coach_id = ?");
			params.add(coach);
		}
		if (site != null) {
			where.append(" AND site_id = ?");
			params.add(site);
		}
		if (status != null) {
			where.append(" AND status = ?");
			params.add(status.toUpperCase(java.util.Locale.ROOT));
		}
		long total = this.jdbc.sql("SELECT count(*) FROM case_summary" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(size);
		paged.add((long) page * size);
		List<CaseView> items = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM case_summary" + where
					+ " ORDER BY enrolled_on, participant_id LIMIT ? OFFSET ?")
			.params(paged)
			.query(CaseQueries::view)
			.list()
			.stream()
			.map(this::withPerson)
			.toList();
		return new Page(items, page, size, total);
	}

	/**
	 * Read after the row's query has given its connection back: reading it inside the row
	 * mapper held two pooled connections per request, and enough concurrent requests
	 * starved the pool until its 30 s timeout.
	 */
	private CaseView withPerson(CaseView view) {
		return view
			.withPerson(this.personalData.find(ParticipantId.of(view.participantId())).map(Person::of).orElse(null));
	}

	private static CaseView view(ResultSet rs, int row) throws SQLException {
		ParticipantId id = new ParticipantId(rs.getObject("participant_id", UUID.class));
		return new CaseView(id.toString(), rs.getString("project_id"), rs.getString("site_id"),
				rs.getString("coach_id"), rs.getString("responsible_actor"), rs.getString("status"),
				rs.getObject("enrolled_on", LocalDate.class), rs.getObject("plan_agreed_on", LocalDate.class),
				rs.getObject("last_follow_up_on", LocalDate.class), rs.getObject("exited_on", LocalDate.class),
				rs.getBoolean("personal_data_erased"), rs.getLong("version"), null);
	}

}
