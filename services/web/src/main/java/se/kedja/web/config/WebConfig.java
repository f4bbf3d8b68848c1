package se.kedja.web.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import se.kedja.support.process.StdinWatchdog;

/** Wiring that belongs to no feature. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	private final OAuth2AuthorizedClientManager clients;

	private final OAuth2AuthorizedClientRepository repository;

	WebConfig(OAuth2AuthorizedClientManager clients, OAuth2AuthorizedClientRepository repository) {
		this.clients = clients;
		this.repository = repository;
	}

	@Bean
	@ConditionalOnProperty(name = "kedja.exit-on-stdin-close", havingValue = "true")
	static StdinWatchdog stdinWatchdog() {
		return new StdinWatchdog();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new CallerResolver(this.clients, this.repository))
			.excludePathPatterns("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/actuator/**");
	}

}
