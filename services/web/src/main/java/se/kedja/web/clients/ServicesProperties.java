package se.kedja.web.clients;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the services answer (env KEDJA_SERVICES_CASE_SERVICE and friends). */
@ConfigurationProperties("kedja.services")
public record ServicesProperties(URI caseService, URI progressService, URI auditService, Duration timeout) {

}
