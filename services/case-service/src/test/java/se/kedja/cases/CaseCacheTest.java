package se.kedja.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import se.kedja.cases.participant.command.AnswerSurvey;
import se.kedja.events.ParticipantId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases kept in memory between commands (CaseCache) never hold an event the database
 * does not: a command whose unit of work ended but whose transaction then rolled back
 * leaves no trace in the next command.
 */
@CaseServiceIntegrationTest
class CaseCacheTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CommandGateway commands;

	@Autowired
	TransactionTemplate transaction;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void a_command_rolled_back_after_its_unit_of_work_is_not_remembered() {
		Api.Response enrolled = this.api.post("/api/projects/orangeriet/participants", Fixtures.enrolment());
		assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
		String id = enrolled.body().path("participantId").asString();
		ParticipantId participant = new ParticipantId(UUID.fromString(id));
		Api.Response first = survey(id, "q-kept-1");
		assertThat(first.status()).as(first.toString()).isEqualTo(200);

		// the case is now in memory; this command's unit of work commits inside a longer
		// transaction, which rolls back afterwards (as a request's does when its
		// idempotency record cannot be stored)
		this.transaction.executeWithoutResult((status) -> {
			this.commands.sendAndWait(new AnswerSurvey(participant, LocalDate.of(2010, 4, 1), "q-rolled-back", "yes"));
			status.setRollbackOnly();
		});

		Api.Response after = survey(id, "q-kept-2");
		assertThat(after.status()).as(after.toString()).isEqualTo(200);
		List<Long> sequence = this.jdbc.sql(
				"SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
			.param(id)
			.query(Long.class)
			.list();
		assertThat(sequence).as("no gap where the rolled-back event was").containsExactly(0L, 1L, 2L);
		List<String> questions = this.jdbc
			.sql("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'questionKey' FROM domain_event_entry "
					+ "WHERE aggregate_identifier = ? AND payload_type LIKE '%SurveyAnswered' ORDER BY sequence_number")
			.param(id)
			.query(String.class)
			.list();
		assertThat(questions).containsExactly("q-kept-1", "q-kept-2");
		assertThat(this.api.get("/api/participants/" + id).body().path("version").asLong()).isEqualTo(2);
	}

	private Api.Response survey(String id, String question) {
		return this.api.post("/api/participants/" + id + "/survey-answers",
				Map.of("answeredOn", "2010-04-01", "questionKey", question, "answer", "yes"));
	}

}
