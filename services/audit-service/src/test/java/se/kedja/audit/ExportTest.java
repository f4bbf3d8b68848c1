package se.kedja.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import se.kedja.audit.verification.OfflineVerifier;
import se.kedja.events.ExitOutcome;

import static org.assertj.core.api.Assertions.assertThat;

class ExportTest extends AuditServiceTest {

	@TempDir
	Path files;

	private CaseStream aCorrectedCase() {
		CaseStream stream = new CaseStream(CaseStream.uniqueProject());
		stream.enrolled(LocalDate.of(2009, 8, 3), Instant.parse("2009-08-03T09:00:00Z"));
		var exit = stream.exited(LocalDate.of(2010, 2, 1), ExitOutcome.JOB_SEEKING,
				Instant.parse("2010-02-01T09:00:00Z"));
		stream.corrected(exit, Map.of("outcome", "OWN_ENTERPRISE"), LocalDate.of(2010, 3, 1),
				"started a co-operative <b>", Instant.parse("2010-03-01T09:00:00Z"));
		publishAndAwait(stream);
		return stream;
	}

	@Test
	void the_json_export_holds_the_envelopes_as_received_and_their_verification() {
		CaseStream stream = aCorrectedCase();

		HttpResponse<String> response = get("/api/participants/" + stream.participant() + "/history/export.json");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).contains("attachment"));
		JsonNode export = json(response);
		assertThat(export.path("format").asString()).isEqualTo("kedja-case-history-v1");
		assertThat(export.path("events")).hasSize(3);
		assertThat(export.path("events").get(1).path("hash").asString()).isEqualTo(stream.events().get(1).hash());
		assertThat(export.path("verification").path("intact").asBoolean()).isTrue();
		assertThat(export.path("history").get(2).path("correction").path("reason").asString())
			.isEqualTo("started a co-operative <b>");
		assertThat(export.path("purpose").asString()).isEqualTo(PURPOSE);
	}

	@Test
	void the_html_export_is_printable_in_swedish_or_english() {
		CaseStream stream = aCorrectedCase();
		String path = "/api/participants/" + stream.participant() + "/history/export.html";

		HttpResponse<String> swedish = getWithout(path,
				Map.of("X-Kedja-Purpose", PURPOSE, "Accept-Language", "sv-SE,sv;q=0.9"));
		HttpResponse<String> english = get(path + "?lang=en");

		assertThat(swedish.statusCode()).isEqualTo(200);
		assertThat(swedish.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(swedish.body()).contains("<html lang=\"sv\"", "Ärendehistorik", "Rättelse av", "@media print",
				"outcome: JOB_SEEKING → OWN_ENTERPRISE", "started a co-operative &lt;b&gt;");
		assertThat(english.body()).contains("<html lang=\"en\"", "Case history", "Correction of", "Recorded by");
	}

	@Test
	void an_exported_checkpoint_and_history_verify_offline_and_a_tampered_history_does_not() throws Exception {
		CaseStream stream = aCorrectedCase();
		String checkpointId = json(post("/api/projects/" + stream.project() + "/checkpoints", "")).path("checkpointId")
			.asString();
		Path checkpoint = Files.writeString(files.resolve("checkpoint.json"),
				get("/api/checkpoints/" + checkpointId).body());
		String history = get("/api/participants/" + stream.participant() + "/history/export.json").body();
		Path intact = Files.writeString(files.resolve("history.json"), history);
		Path altered = Files.writeString(files.resolve("altered.json"),
				history.replace("\"OWN_ENTERPRISE\"", "\"EMPLOYMENT\""));

		assertThat(runOffline(checkpoint, intact)).startsWith("0\n").contains("OK");
		assertThat(runOffline(checkpoint, altered)).startsWith("1\n").contains("HASH_MISMATCH");
	}

	private static String runOffline(Path checkpoint, Path history) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = OfflineVerifier.run(new String[] { checkpoint.toString(), history.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8));
		return code + "\n" + out.toString(StandardCharsets.UTF_8);
	}

}
