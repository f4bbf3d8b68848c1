package se.kedja.progress.config;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.kedja.events.json.EventJson;
import se.kedja.progress.intake.ParticipantFold;

@Configuration(proxyBeanMethods = false)
class ProjectionConfig {

	@Bean
	EventJson eventJson() {
		return new EventJson();
	}

	@Bean
	ParticipantFold participantFold(EventJson json) {
		return new ParticipantFold(json);
	}

	/** Kedja's days are Swedish days: "as of a date" ends at midnight in Stockholm. */
	@Bean
	Clock clock(@Value("${kedja.progress.zone:Europe/Stockholm}") ZoneId zone) {
		return Clock.system(zone);
	}

}
