package se.kedja.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.util.unit.DataSize;

import se.kedja.support.health.KafkaHealthIndicator;
import se.kedja.support.outage.DatabaseUnavailableResolver;
import se.kedja.support.problem.ProblemDetailsAdvice;
import se.kedja.support.problem.Problems;
import se.kedja.support.process.StdinWatchdog;
import se.kedja.support.web.ProblemErrorReportValve;
import se.kedja.support.web.ProblemRequestRejectedHandler;
import se.kedja.support.web.RequestSizeLimitFilter;
import se.kedja.support.web.StrictJsonHttpMessageConverter;

/**
 * What every Kedja service gets by depending on service-support: problem details (503
 * when the database is unavailable; also for requests Tomcat or the firewall refuses
 * before Spring MVC), strict JSON, a request size limit, a Kafka health check and the
 * stdin watchdog.
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
				"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" },
		beforeName = "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration")
public class KedjaSupportAutoConfiguration {

	@Bean
	Problems kedjaProblems(Environment environment) {
		List<String> basenames = new ArrayList<>(
				Binder.get(environment).bind("kedja.problems.bundles", String[].class).map(List::of).orElse(List.of()));
		basenames.add("kedja/problems");
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames(basenames.toArray(String[]::new));
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new Problems(messages);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	ProblemDetailsAdvice kedjaProblemDetailsAdvice(Problems problems) {
		return new ProblemDetailsAdvice(problems);
	}

	/**
	 * Replaces the JSON converter in its own place among the defaults (after the byte and
	 * string converters, so springdoc's byte[] documents stay raw), running after Boot's
	 * own customizer.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBean(JsonMapper.class)
	ServerHttpMessageConvertersCustomizer strictJsonHttpMessageConverter(JsonMapper jsonMapper) {
		return (builder) -> builder.withJsonConverter(new StrictJsonHttpMessageConverter(jsonMapper));
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.dao.DataAccessException")
	DatabaseUnavailableResolver databaseUnavailableResolver(Problems problems, JsonMapper jsonMapper) {
		return new DatabaseUnavailableResolver(problems, problemJson(jsonMapper));
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(Environment environment, Problems problems,
			JsonMapper jsonMapper) {
		DataSize max = Binder.get(environment)
			.bind("kedja.http.max-request-size", DataSize.class)
			.orElse(DataSize.ofKilobytes(256));
		Map<String, Long> pathLimits = new LinkedHashMap<>();
		Binder.get(environment)
			.bind("kedja.http.path-limits", Bindable.mapOf(String.class, DataSize.class))
			.ifBound((limits) -> limits.forEach((path, size) -> pathLimits.put(path, size.toBytes())));
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(max.toBytes(), pathLimits, problems, problemJson(jsonMapper)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/**
	 * Writes a problem's own properties beside its standard members, as the advice does.
	 */
	private static JsonMapper problemJson(JsonMapper jsonMapper) {
		return jsonMapper.rebuild()
			.addMixIn(org.springframework.http.ProblemDetail.class,
					org.springframework.http.converter.json.ProblemDetailJacksonMixin.class)
			.build();
	}

	@Bean
	@ConditionalOnProperty(name = "kedja.exit-on-stdin-close", havingValue = "true")
	StdinWatchdog stdinWatchdog() {
		return new StdinWatchdog();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.web.firewall.RequestRejectedHandler")
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class FirewallProblemsConfiguration {

		@Bean
		ProblemRequestRejectedHandler problemRequestRejectedHandler(Problems problems, JsonMapper jsonMapper) {
			return new ProblemRequestRejectedHandler(problems, problemJson(jsonMapper));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory")
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class TomcatProblemsConfiguration {

		@Bean
		ProblemErrorReports problemErrorReports(Problems problems, JsonMapper jsonMapper) {
			return new ProblemErrorReports(new ProblemErrorReportValve(problems, problemJson(jsonMapper)));
		}

	}

	/**
	 * Puts the problem valve in place of every other error report valve of the host,
	 * after Spring Boot's own customizer has added its plain one.
	 */
	static final class ProblemErrorReports
			implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		private final ProblemErrorReportValve valve;

		ProblemErrorReports(ProblemErrorReportValve valve) {
			this.valve = valve;
		}

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					for (Valve other : host.getPipeline().getValves()) {
						if (other instanceof ErrorReportValve) {
							host.getPipeline().removeValve(other);
						}
					}
					// so that the host, when it starts, finds its error report valve
					// present
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
					host.getPipeline().addValve(this.valve);
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(KafkaAdmin.class)
	@ConditionalOnBean(KafkaAdmin.class)
	static class KafkaHealthConfiguration {

		@Bean
		KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, Environment environment) {
			Duration timeout = Binder.get(environment)
				.bind("kedja.health.kafka-timeout", Duration.class)
				.orElse(Duration.ofSeconds(3));
			return new KafkaHealthIndicator(admin.getConfigurationProperties(), timeout);
		}

	}

}
