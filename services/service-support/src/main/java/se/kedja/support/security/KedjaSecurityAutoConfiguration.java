package se.kedja.support.security;

import java.time.Clock;
import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import se.kedja.support.KedjaSupportAutoConfiguration;
import se.kedja.support.problem.Problems;

/**
 * Every service is an OAuth2 resource server: a JWT from the configured issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri})
 * on every request but health and the OpenAPI documents; stateless, no CSRF (no cookies),
 * no CORS, strict security headers, 401/403 as problem details. A service without a
 * configured issuer does not start.
 */
@AutoConfiguration(after = KedjaSupportAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ConditionalOnClass({ JwtDecoder.class, SecurityFilterChain.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "kedja.security.resource-server.enabled", havingValue = "true", matchIfMissing = true)
@EnableWebSecurity
public class KedjaSecurityAutoConfiguration {

	static final String[] PUBLIC_PATHS = { "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
			"/error" };

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(KedjaPrincipal.class);
	}

	/**
	 * Wraps the issuer's decoder (Spring Boot's, from {@code issuer-uri}) so that a token
	 * already verified is not verified again until it expires (VerifiedTokens).
	 */
	@Bean
	static BeanPostProcessor kedjaVerifiedTokens() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens))
						? new VerifiedTokens(decoder, Clock.systemUTC()) : bean;
			}
		};
	}

	/**
	 * No observation of the security filter chain's parts (a timer around each of its
	 * filters, the token's authentication and the authorisation): in profiles of
	 * audit-service's case read and case-service's write path they were a tenth of a
	 * request's CPU. The request as a whole is still observed
	 * ({@code http.server.requests}).
	 */
	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings kedjaSecurityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	KedjaJwtConverter kedjaJwtConverter(Environment environment) {
		Binder binder = Binder.get(environment);
		return new KedjaJwtConverter(binder.bind("kedja.security.user-claim", String.class).orElse("sub"),
				binder.bind("kedja.security.roles-claim", String.class).orElse("roles"),
				binder.bind("kedja.security.projects-claim", String.class).orElse("projects"));
	}

	@Bean
	SecurityFilterChain kedjaSecurityFilterChain(HttpSecurity http, KedjaJwtConverter converter, Problems problems,
			JsonMapper jsonMapper, Environment environment) throws Exception {
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems,
				jsonMapper.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build());
		List<String> extraPublic = Binder.get(environment)
			.bind("kedja.security.public-paths", String[].class)
			.map(List::of)
			.orElse(List.of());
		http.authorizeHttpRequests((requests) -> {
			requests.requestMatchers(PUBLIC_PATHS).permitAll();
			if (!extraPublic.isEmpty()) {
				requests.requestMatchers(extraPublic.toArray(String[]::new)).permitAll();
			}
			requests.anyRequest().authenticated();
		})
			.oauth2ResourceServer(
					(resourceServer) -> resourceServer.jwt((jwt) -> jwt.jwtAuthenticationConverter(converter))
						.authenticationEntryPoint(handlers)
						.accessDeniedHandler(handlers))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.cors((cors) -> cors.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				.frameOptions((frames) -> frames.deny()));
		return http.build();
	}

	@Bean
	SecurityProblemsAdvice kedjaSecurityProblemsAdvice(Problems problems) {
		return new SecurityProblemsAdvice(problems);
	}

	@Bean
	WebMvcConfigurer kedjaPrincipalResolver() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new KedjaPrincipalArgumentResolver());
			}
		};
	}

}
