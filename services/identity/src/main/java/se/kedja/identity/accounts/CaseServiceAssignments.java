package se.kedja.identity.accounts;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import se.kedja.identity.config.IdentityProperties;

/**
 * Reads a user's assignments from case-service, where administrators keep them, at the
 * moment a token is issued. Asks with a one-minute token of its own; when case-service
 * does not answer, the user gets no projects (fail closed).
 */
@Component
class CaseServiceAssignments implements Assignments {

	private static final Logger log = LoggerFactory.getLogger(CaseServiceAssignments.class);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String caseService;

	private final JwtEncoder encoder;

	private final IdentityProperties properties;

	CaseServiceAssignments(@Value("${kedja.identity.case-service-url:http://localhost:8081}") String caseService,
			JwtEncoder encoder, IdentityProperties properties) {
		this.caseService = caseService;
		this.encoder = encoder;
		this.properties = properties;
	}

	@Override
	public List<String> of(String userId) {
		URI uri = URI.create(
				this.caseService + "/api/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "/assignments");
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(5))
			.header("Authorization", "Bearer " + serviceToken())
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				log.warn("case-service answered {} for assignments; issuing no projects", response.statusCode());
				return List.of();
			}
			List<String> projects = new ArrayList<>();
			for (JsonNode project : this.json.readTree(response.body()).path("projects")) {
				projects.add(project.asString());
			}
			return projects;
		}
		catch (java.io.IOException ex) {
			log.warn("case-service unreachable for assignments ({}); issuing no projects",
					ex.getClass().getSimpleName());
			return List.of();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return List.of();
		}
	}

	private String serviceToken() {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.subject("kedja-identity")
			.audience(List.of("kedja"))
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plusSeconds(60))
			.claim("roles", List.of("admin"))
			.claim("projects", List.of())
			.build();
		return this.encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
	}

}
