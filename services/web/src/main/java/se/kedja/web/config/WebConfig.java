package se.kedja.web.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.kedja.support.process.StdinWatchdog;

/** Wiring that belongs to no feature. */
@Configuration(proxyBeanMethods = false)
class WebConfig {

	@Bean
	@ConditionalOnProperty(name = "kedja.exit-on-stdin-close", havingValue = "true")
	StdinWatchdog stdinWatchdog() {
		return new StdinWatchdog();
	}

}
