package se.kedja.audit.config;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import se.kedja.audit.accesslog.ReaderArgumentResolver;
import se.kedja.events.json.EventJson;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConfigurationPropertiesScan("se.kedja.audit")
class AuditConfig implements WebMvcConfigurer {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	EventJson eventJson() {
		return new EventJson();
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ReaderArgumentResolver());
	}

}
