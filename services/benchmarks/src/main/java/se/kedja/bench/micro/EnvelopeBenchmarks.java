package se.kedja.bench.micro;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import se.kedja.bench.Envelopes;
import se.kedja.events.EventEnvelope;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventHashes;
import se.kedja.events.json.EventJson;

/**
 * The per-record work of the event pipeline, each beside the bare library work it
 * contains: reading one case envelope as progress-service and audit-service do for every
 * record (and the rebuild for every event) against tokenizing the same bytes, and hashing
 * one envelope as case-service's publisher does for every event against SHA-256 of the
 * same bytes. Run by the suite through JMH's runner ({@code Micro}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EnvelopeBenchmarks {

	private final EventJson json = new EventJson();

	private byte[] bytes;

	private EventEnvelope<?> envelope;

	private MessageDigest sha256;

	@Setup
	public void setUp() throws NoSuchAlgorithmException {
		this.envelope = Envelopes.enrolment(LocalDate.of(2026, 3, 2), 7);
		this.bytes = this.json.write(this.envelope);
		this.sha256 = MessageDigest.getInstance("SHA-256");
	}

	/** What every consumer does with a record: the typed envelope. */
	@Benchmark
	public EventEnvelope<CaseEvent> readCase() {
		return this.json.readCase(this.bytes);
	}

	/**
	 * The floor under {@link #readCase()}: every token of the same bytes, nothing bound.
	 */
	@Benchmark
	public int tokenize() {
		int tokens = 0;
		try (JsonParser parser = this.json.mapper().createParser(this.bytes)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				tokens++;
			}
		}
		return tokens;
	}

	/** The tree audit-service keeps of a record, for comparison. */
	@Benchmark
	public JsonNode readTree() {
		return this.json.mapper().readTree(this.bytes);
	}

	/** What the publisher does for every event: the canonical hash of its envelope. */
	@Benchmark
	public String hash() {
		return EventHashes.hash(this.envelope);
	}

	/** The floor under {@link #hash()}: SHA-256 of the envelope's bytes. */
	@Benchmark
	public byte[] sha256() {
		return this.sha256.digest(this.bytes);
	}

}
