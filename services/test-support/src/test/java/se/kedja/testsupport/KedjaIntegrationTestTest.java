package se.kedja.testsupport;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@KedjaIntegrationTest
class KedjaIntegrationTestTest {

	@Autowired
	Environment environment;

	@Test
	void points_spring_at_the_shared_infrastructure() {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(infrastructure.jdbcUrl());
		assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
			.isEqualTo(infrastructure.bootstrapServers());
	}

	@SpringBootConfiguration
	static class Application {

	}

}
