package se.kedja.cases;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@CaseServiceIntegrationTest
class ParticipantApiTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void enrolment_answers_201_with_location_and_the_case_reads_back() {
		Api.Response enrolled = this.api.post("/api/projects/orangeriet/participants", Fixtures.enrolment());
		assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
		String id = enrolled.body().path("participantId").asString();
		assertThat(enrolled.headers().getLocation()).hasToString("/api/participants/" + id);

		Api.Response read = this.api.get("/api/participants/" + id);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		assertThat(read.body().path("status").asString()).isEqualTo("ACTIVE");
		assertThat(read.body().path("version").asLong()).isZero();
		assertThat(read.body().path("person").path("name").asString()).isEqualTo("Testa Testsson");
	}

}
