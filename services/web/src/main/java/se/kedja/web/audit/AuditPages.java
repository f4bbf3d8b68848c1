package se.kedja.web.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import se.kedja.web.clients.KedjaApis;
import se.kedja.web.clients.ServiceProblem;

/**
 * The auditor's pages: a case's full history, its state as known on a date or as it stood
 * on a date, the hash-chain verification, exports and checkpoints, and the access log.
 * Every read states its purpose, which audit-service writes to the access log.
 */
@Controller
class AuditPages {

	static final String PURPOSE = "X-Kedja-Purpose";

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	private final KedjaApis apis;

	AuditPages(KedjaApis apis) {
		this.apis = apis;
	}

	@GetMapping("/audit")
	String start(@RequestParam(required = false) @Nullable String participant,
			@RequestParam(required = false) @Nullable String purpose, Model model) {
		model.addAttribute("participant", (participant != null) ? participant : "");
		model.addAttribute("purpose", (purpose != null) ? purpose : "");
		if (participant == null && purpose == null) {
			return "audit/start";
		}
		boolean idOk = participant != null && isUuid(participant.strip());
		boolean purposeOk = purpose != null && !purpose.isBlank();
		if (!idOk || !purposeOk) {
			model.addAttribute("participantError", !idOk);
			model.addAttribute("purposeError", !purposeOk);
			return "audit/start";
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/audit/participants/{id}")
			.queryParam("purpose", purpose.strip())
			.buildAndExpand(participant.strip())
			.toUriString();
	}

	@GetMapping("/audit/participants/{participant}")
	String history(@PathVariable String participant, @RequestParam(defaultValue = "") String purpose,
			@RequestParam(defaultValue = "known") String mode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			Model model) {
		if (purpose.isBlank()) {
			return "redirect:/audit?participant=" + participant + "&purpose=";
		}
		RestClient audit = this.apis.audit();
		JsonNode history = audit.get()
			.uri("/api/participants/{id}/history?size=1000", participant)
			.header(PURPOSE, purpose)
			.retrieve()
			.body(JsonNode.class);
		List<JsonNode> events = new ArrayList<>();
		history.path("events").forEach(events::add);
		model.addAttribute("participant", participant);
		model.addAttribute("purpose", purpose);
		model.addAttribute("events", events);
		model.addAttribute("mode", mode.equals("stood") ? "stood" : "known");
		model.addAttribute("date", date);
		model.addAttribute("verification",
				audit.get()
					.uri("/api/participants/{id}/verification", participant)
					.header(PURPOSE, purpose)
					.retrieve()
					.body(JsonNode.class));
		if (date != null) {
			String query = mode.equals("stood") ? "businessDate=" + date
					: "asOf=" + date.plusDays(1).atStartOfDay(SWEDEN).toInstant();
			try {
				model.addAttribute("state",
						audit.get()
							.uri("/api/participants/{id}/state?" + query, participant)
							.header(PURPOSE, purpose)
							.retrieve()
							.body(JsonNode.class));
			}
			catch (ServiceProblem problem) {
				if (problem.status() >= 500) {
					throw problem;
				}
				model.addAttribute("stateProblem",
						problem.title() + ((problem.detail() != null) ? ": " + problem.detail() : ""));
			}
		}
		return "audit/history";
	}

	@GetMapping("/audit/participants/{participant}/export.json")
	ResponseEntity<byte[]> export(@PathVariable String participant, @RequestParam String purpose) {
		byte[] body = this.apis.audit()
			.get()
			.uri("/api/participants/{id}/history/export.json", participant)
			.header(PURPOSE, purpose)
			.retrieve()
			.body(byte[].class);
		return download(body, "case-" + participant + ".json");
	}

	@PostMapping("/audit/checkpoints")
	String takeCheckpoint(@RequestParam String project) {
		JsonNode checkpoint = this.apis.audit()
			.post()
			.uri("/api/projects/{id}/checkpoints", project)
			.retrieve()
			.body(JsonNode.class);
		return "redirect:/audit?checkpoint=" + checkpoint.path("checkpointId").asString("");
	}

	@GetMapping("/audit/checkpoints/{checkpoint}.json")
	ResponseEntity<byte[]> checkpoint(@PathVariable UUID checkpoint) {
		byte[] body = this.apis.audit().get().uri("/api/checkpoints/{id}", checkpoint).retrieve().body(byte[].class);
		return download(body, "checkpoint-" + checkpoint + ".json");
	}

	@GetMapping("/audit/access-log")
	String accessLog(@RequestParam(required = false) @Nullable String purpose,
			@RequestParam(required = false) @Nullable String participant,
			@RequestParam(required = false) @Nullable String user, Model model) {
		model.addAttribute("purpose", (purpose != null) ? purpose : "");
		model.addAttribute("participant", (participant != null) ? participant : "");
		model.addAttribute("user", (user != null) ? user : "");
		if (purpose == null) {
			return "audit/access-log";
		}
		boolean idOk = participant == null || participant.isBlank() || isUuid(participant.strip());
		if (purpose.isBlank() || !idOk) {
			model.addAttribute("purposeError", purpose.isBlank());
			model.addAttribute("participantError", !idOk);
			return "audit/access-log";
		}
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/access-log").queryParam("size", 200);
		if (participant != null && !participant.isBlank()) {
			uri.queryParam("participant", participant.strip());
		}
		if (user != null && !user.isBlank()) {
			uri.queryParam("user", user.strip());
		}
		JsonNode page = this.apis.audit()
			.get()
			.uri(uri.build().toUriString())
			.header(PURPOSE, purpose.strip())
			.retrieve()
			.body(JsonNode.class);
		List<JsonNode> entries = new ArrayList<>();
		page.path("entries").forEach(entries::add);
		model.addAttribute("entries", entries.reversed());
		model.addAttribute("searched", true);
		return "audit/access-log";
	}

	private static ResponseEntity<byte[]> download(byte[] body, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(body);
	}

	private static boolean isUuid(String value) {
		try {
			UUID.fromString(value);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
