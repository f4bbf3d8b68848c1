package se.kedja.demo.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.kedja.demo.generate.DemoCommand;
import se.kedja.demo.generate.DemoGenerator;
import se.kedja.demo.generate.ParticipantHistory;
import se.kedja.demo.generate.SeedProject;

/**
 * Sends the demo through case-service's API, the front door a coach uses: first each
 * project's period is moved to the demo's dates (a revision of its definition), then each
 * participant's commands in order, many participants at once on a bounded pool. Every
 * command carries an {@code Idempotency-Key} made from the seed, the participant and the
 * step, so a rerun, or a retry after a dropped connection, records nothing twice.
 * Corrections go last: the event they correct is looked up in audit-service's history.
 */
public final class DemoLoader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

	/**
	 * The identity service's demo accounts (services/identity, DemoAccounts) other than
	 * admin.
	 */
	static final List<String> DEMO_ACCOUNTS = List.of("coach@demo.kedja", "manager@demo.kedja", "auditor@demo.kedja");

	private static final String LOADER = "kedja-demo-loader";

	private final URI caseService;

	private final URI auditService;

	private final int parallel;

	private final Consumer<String> out;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Supplier<Optional<String>> authorization;

	public DemoLoader(URI caseService, URI auditService, int parallel, Consumer<String> out) {
		this.caseService = caseService;
		this.auditService = auditService;
		this.parallel = Math.max(1, parallel);
		this.out = out;
		this.authorization = AccessToken.fromEnvironment(this.http, System.getenv())::authorization;
	}

	/**
	 * A loader whose {@code Authorization} header values come from elsewhere (a test's
	 * own issuer) rather than the identity service's client credentials.
	 */
	public DemoLoader(URI caseService, URI auditService, int parallel, Consumer<String> out,
			Supplier<Optional<String>> authorization) {
		this.caseService = caseService;
		this.auditService = auditService;
		this.parallel = Math.max(1, parallel);
		this.out = out;
		this.authorization = authorization;
	}

	/** What a load did: per project, and the commands that were refused. */
	public record Result(Map<String, Long> participants, long commands, long replayed, long corrections,
			long correctionsSkipped, List<String> failures, Duration took, Map<String, Long> shiftDays) {

		/** The {@code demo-loaded} marker: plain {@code key=value} lines. */
		public String marker(DemoGenerator generator) {
			StringBuilder text = new StringBuilder("# Kedja demo data (services/demo-data), loaded through the API\n");
			text.append("seed=").append(generator.seed()).append('\n');
			text.append("today=").append(generator.today()).append('\n');
			text.append("loadedAt=").append(Instant.now()).append('\n');
			text.append("seconds=").append(this.took.toMillis() / 1000.0).append('\n');
			this.shiftDays.forEach((project, days) -> text.append(project)
				.append(".demoDateShiftDays=")
				.append(days)
				.append('\n')
				.append(project)
				.append(".participants=")
				.append(this.participants.getOrDefault(project, 0L))
				.append('\n'));
			return text.toString();
		}

	}

	/**
	 * Moves every project's period to the demo's dates, as a load does first, and assigns
	 * the embedded default's demo accounts to every project, so that each role sees the
	 * demo on its first sign-in.
	 */
	public void align(DemoGenerator generator) {
		for (SeedProject project : generator.projects()) {
			new ProjectPeriods(this).align(project.id(), generator.period(project));
			DEMO_ACCOUNTS.forEach((account) -> assign(account, project.id()));
		}
	}

	private void assign(String account, String projectId) {
		Response response = exchange(this.caseService, "PUT", "/api/projects/" + projectId + "/assignments/" + account,
				LOADER, null, "{\"sites\":[]}", "application/json");
		if (!response.ok()) {
			this.out.accept("Could not assign " + account + " to " + projectId + " (" + response.status() + ")");
		}
	}

	public Result load(DemoGenerator generator) {
		long started = System.nanoTime();
		Map<String, Long> shifts = new TreeMap<>();
		generator.projects().forEach((project) -> shifts.put(project.id(), generator.shift(project).days()));
		align(generator);
		Counters counters = new Counters();
		List<Deferred> corrections = Collections.synchronizedList(new ArrayList<>());
		try (ExecutorService pool = Executors.newFixedThreadPool(this.parallel)) {
			Iterator<ParticipantHistory> histories = interleaved(generator);
			List<Future<?>> running = new ArrayList<>();
			long nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
			while (histories.hasNext()) {
				ParticipantHistory history = histories.next();
				running.add(pool.submit(() -> send(generator.seed(), history, counters, corrections)));
				if (running.size() >= this.parallel * 4) {
					await(running.remove(0));
				}
				if (System.nanoTime() > nextReport) {
					report(counters, started);
					nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
				}
			}
			running.forEach(DemoLoader::await);
		}
		report(counters, started);
		long skipped = new Corrections(this).send(generator.seed(), corrections, counters);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		this.out.accept("[demo] loaded " + counters.participants + " in " + took.toMillis() / 1000.0 + " s: "
				+ counters.commands.get() + " commands (" + counters.replayed.get() + " already recorded), "
				+ (corrections.size() - skipped) + " corrections, " + counters.failures.size() + " refused");
		counters.failures.stream().limit(10).forEach((failure) -> this.out.accept("[demo]   " + failure));
		return new Result(new TreeMap<>(counters.participants), counters.commands.get(), counters.replayed.get(),
				corrections.size() - skipped, skipped, List.copyOf(counters.failures), took, shifts);
	}

	/**
	 * The projects' participants in turn rather than one project after another, so every
	 * project's dashboard fills from the first seconds of a load.
	 */
	private static Iterator<ParticipantHistory> interleaved(DemoGenerator generator) {
		List<Iterator<ParticipantHistory>> projects = new ArrayList<>();
		generator.projects().forEach((project) -> projects.add(generator.histories(project).iterator()));
		return new Iterator<>() {

			private int turn;

			@Override
			public boolean hasNext() {
				projects.removeIf((project) -> !project.hasNext());
				return !projects.isEmpty();
			}

			@Override
			public ParticipantHistory next() {
				if (!hasNext()) {
					throw new java.util.NoSuchElementException();
				}
				this.turn = (this.turn + 1) % projects.size();
				return projects.get(this.turn).next();
			}

		};
	}

	private void report(Counters counters, long started) {
		double seconds = (System.nanoTime() - started) / 1e9;
		this.out.accept("[demo] %d participants, %d commands, %.0f commands/s".formatted(
				counters.participants.values().stream().mapToLong(Long::longValue).sum(), counters.commands.get(),
				counters.commands.get() / Math.max(seconds, 0.001)));
	}

	private static void await(Future<?> future) {
		try {
			future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	record Deferred(String participantId, String user, DemoCommand command) {
	}

	static final class Counters {

		final Map<String, Long> participants = new ConcurrentHashMap<>();

		final AtomicLong commands = new AtomicLong();

		final AtomicLong replayed = new AtomicLong();

		final List<String> failures = Collections.synchronizedList(new ArrayList<>());

	}

	private void send(long seed, ParticipantHistory history, Counters counters, List<Deferred> corrections) {
		String participantId = null;
		String user = "demo-loader";
		for (DemoCommand command : history.commands()) {
			if (command.command().equals("enrol")) {
				user = String.valueOf(command.body().get("coachId"));
			}
			if (command.command().equals("correction")) {
				if (participantId != null) {
					corrections.add(new Deferred(participantId, user, command));
				}
				continue;
			}
			String path = (participantId == null) ? "/api/projects/" + command.project() + "/participants"
					: CommandPaths.of(participantId, command);
			Response response = post(path, user, command.idempotencyKey(seed), command.body());
			if (!response.ok()) {
				counters.failures.add(command.participant() + " step " + command.step() + " " + command.command()
						+ " -> " + response.status() + " " + response.text());
				return;
			}
			if (response.replayed()) {
				counters.replayed.incrementAndGet();
			}
			counters.commands.incrementAndGet();
			if (participantId == null) {
				participantId = response.json().path("participantId").asString();
				counters.participants.merge(history.project(), 1L, Long::sum);
			}
		}
	}

	/** An answer; {@code json} is empty unless it was JSON. */
	record Response(int status, String text, boolean replayed) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		JsonNode json() {
			return JSON.readTree(this.text);
		}

	}

	Response post(String path, String user, @Nullable String idempotencyKey, Object body) {
		return exchange(this.caseService, "POST", path, user, idempotencyKey, JSON.writeValueAsString(body),
				"application/json");
	}

	Response put(String path, String body, String contentType) {
		return exchange(this.caseService, "PUT", path, "demo-loader", null, body, contentType);
	}

	Response get(URI base, String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
		headers.forEach(request::header);
		this.authorization.get().ifPresent((value) -> request.header("Authorization", value));
		return send(request.build());
	}

	URI caseService() {
		return this.caseService;
	}

	URI auditService() {
		return this.auditService;
	}

	Consumer<String> out() {
		return this.out;
	}

	private Response exchange(URI base, String method, String path, String user, @Nullable String idempotencyKey,
			String body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", contentType)
			.header("X-Kedja-User", user)
			.method(method, HttpRequest.BodyPublishers.ofString(body));
		this.authorization.get().ifPresent((value) -> request.header("Authorization", value));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(request.build());
	}

	/**
	 * Retries what a retry cannot harm: a lost connection or a server error, with the
	 * same key.
	 */
	private Response send(HttpRequest request) {
		IOException last = null;
		for (int attempt = 0; attempt < 4; attempt++) {
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() < 500 || attempt == 3) {
					return new Response(response.statusCode(), response.body(),
							response.headers().firstValue("Idempotent-Replay").isPresent());
				}
			}
			catch (IOException ex) {
				last = ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(250L << attempt);
		}
		return new Response(599, "no answer from " + request.uri() + ": " + last, false);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
