package se.kedja.cases.config;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.kedja.cases.Api;
import se.kedja.cases.CaseServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request is observed as a whole, its security filter chain's parts are not (they
 * were a tenth of a request's CPU; see KedjaSecurityAutoConfiguration).
 */
@CaseServiceIntegrationTest
class ObservationsTest {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	@Test
	void an_authenticated_request_is_timed_but_its_security_filters_are_not() {
		Api.Response answer = new Api(this.port).get("/api/projects/orangeriet/participants");
		assertThat(answer.status()).as(answer.toString()).isLessThan(500);

		assertThat(this.registry.find("http.server.requests").timers()).isNotEmpty();
		assertThat(this.registry.getMeters()).extracting((meter) -> meter.getId().getName())
			.noneMatch((name) -> name.startsWith("spring.security."));
	}

}
