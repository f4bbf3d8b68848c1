package se.kedja.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points Spring's datasource and Kafka properties at the shared
 * {@link TestInfrastructure}, and the resource server at the {@link TestTokens} issuer.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		TestPropertyValues
			.of("spring.datasource.url=" + infrastructure.jdbcUrl(),
					"spring.datasource.username=" + infrastructure.username(),
					"spring.datasource.password=" + infrastructure.password(),
					"spring.kafka.bootstrap-servers=" + infrastructure.bootstrapServers(),
					"spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.get().issuer())
			.applyTo(context);
	}

}
