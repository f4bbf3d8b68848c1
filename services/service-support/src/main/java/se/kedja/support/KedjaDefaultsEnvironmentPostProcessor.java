package se.kedja.support;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every Kedja service shares; each can still override them in its own
 * configuration, since this source comes last.
 */
public class KedjaDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	private static final Map<String, Object> DEFAULTS = Map.ofEntries(
			Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
			Map.entry("management.endpoint.health.probes.enabled", "true"),
			Map.entry("management.endpoint.health.group.readiness.include", "readinessState,db,kafka"),
			Map.entry("management.endpoint.health.validate-group-membership", "false"),
			Map.entry("springdoc.api-docs.path", "/v3/api-docs"), Map.entry("springdoc.api-docs.enabled", "true"),
			Map.entry("server.error.include-stacktrace", "never"), Map.entry("server.error.include-message", "never"),
			Map.entry("spring.mvc.problemdetails.enabled", "false"),
			Map.entry("kedja.exit-on-stdin-close", "${KEDJA_EXIT_ON_STDIN_CLOSE:false}"));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource("kedjaDefaults", DEFAULTS));
	}

}
