package se.kedja.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kedja bench [--quick] [--attach]}: starts the embedded default on a fresh
 * temporary data folder (or uses a running one), measures it beside same-run baselines,
 * stops it and writes {@code bench/results/<timestamp>-<quick|full>.json} and
 * {@code .md}. Every figure is a ratio to its baseline because the machine may be shared.
 */
public final class Bench {

	/** The participants of the project when the smaller dashboard figure is taken. */
	static final long DASHBOARD_PARTICIPANTS = 1_000;

	static final String USAGE = """
			Usage: ./kedja bench [--quick] [--attach] [--only PREFIX] [--data-dir DIR] [--out DIR]
			  --quick         a short run (about 5 minutes): fewer runs, shorter windows, 100 commands/s for freshness
			  --attach        measure a Kedja that is already running (data folder: --data-dir, else KEDJA_DATA_DIR or .kedja-data)
			  --data-dir DIR  with --attach: the running Kedja's data folder
			  --out DIR       where the reports go (default bench/results)
			  --demo          load the demo data on start (through the API: about 24,000 commands, far longer than the run at a slow write path)
			  --only PREFIX   measure only the figures whose id starts with PREFIX (e.g. audit-replay, or several: rebuild,dashboard-1m); the rest are reported as not measured
			  --jfr           record every JVM of the embedded default with JFR (settings=profile) into /tmp/kedja-bench-jfr-<time>
			Without --attach the suite starts the embedded default on a fresh temporary data folder and stops it after.
			Ports: KEDJA_PG_PORT (5432), KEDJA_KAFKA_PORT (9092); the services' ports are the launcher's (8081-8083, 9000).""";

	private final long started = System.nanoTime();

	private final boolean quick;

	private final Duration budget;

	private final boolean demo;

	private final String only;

	private Bench(boolean quick, boolean demo, String only) {
		this.quick = quick;
		this.demo = demo;
		this.only = only;
		// the full run's 100,000-line import alone takes about 9 minutes at this
		// machine's write path; the store's growth to 10M events, the feed of 1M
		// participants and the rebuild fit in what is left
		this.budget = quick ? Duration.ofMinutes(5) : Duration.ofMinutes(30);
	}

	public static void main(String[] args) throws Exception {
		// the Kafka clients' own logging: errors only
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
		boolean quick = false;
		boolean attach = false;
		boolean jfr = false;
		boolean demo = false;
		String only = null;
		Path dataDir = null;
		Path out = Path.of("bench", "results");
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--quick" -> quick = true;
				case "--attach" -> attach = true;
				case "--jfr" -> jfr = true;
				case "--demo" -> demo = true;
				case "--only" -> only = args[++i];
				case "--data-dir" -> dataDir = Path.of(args[++i]);
				case "--out" -> out = Path.of(args[++i]);
				case "--help", "-h" -> {
					System.out.println(USAGE);
					return;
				}
				default -> {
					System.err.println("Unknown argument: " + args[i] + "\n" + USAGE);
					System.exit(2);
				}
			}
		}
		int code = new Bench(quick, demo, only).run(attach, jfr, dataDir, out);
		System.exit(code);
	}

	void progress(String line) {
		long seconds = (System.nanoTime() - this.started) / 1_000_000_000L;
		System.out.printf("[bench %02d:%02d] %s%n", seconds / 60, seconds % 60, line);
		System.out.flush();
	}

	private double elapsedSeconds() {
		return (System.nanoTime() - this.started) / 1e9;
	}

	/**
	 * Whether {@code seconds} more still fit in the mode's budget, keeping a minute for
	 * the stop and report.
	 */
	private double remaining() {
		return this.budget.toSeconds() - 25 - elapsedSeconds();
	}

	private boolean fits(double seconds) {
		return elapsedSeconds() + seconds + 25 < this.budget.toSeconds();
	}

	private int run(boolean attach, boolean jfr, Path dataDirArg, Path out) throws Exception {
		Path repo = Path.of("").toAbsolutePath();
		String mode = this.quick ? "quick" : "full";
		Instant startedAt = Instant.now();
		String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(startedAt);
		Path jfrDir = jfr ? Path.of("/tmp", "kedja-bench-jfr-" + stamp) : null;
		Path keptLogs = Path.of("/tmp", "kedja-bench-logs-" + stamp);
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("mode", mode);
		report.put("startedAt", startedAt.toString());
		Map<String, Object> machine = Machine.describe();
		machine.put("loadAverageAtStart", Machine.loadAverage());
		report.put("machine", machine);
		progress("Kedja benchmark suite, " + mode + " run; load average " + Machine.loadAverage() + " on "
				+ machine.get("cores") + " cores");
		List<Figure> figures = new ArrayList<>();
		Map<String, Object> settings = new LinkedHashMap<>();
		report.put("settings", settings);
		Map<String, Object> resources = new LinkedHashMap<>();
		if (selected("micro")) {
			// before Kedja starts, so that nothing else runs beside them
			try {
				figures.addAll(new Micro(this.quick, this::progress).run());
			}
			catch (Exception ex) {
				progress("JMH failed: " + ex);
				figures.add(new Figure("micro", "JMH micro-benchmarks").failed(String.valueOf(ex)));
			}
		}
		Kedja kedja;
		if (attach) {
			Path dataDir = (dataDirArg != null) ? dataDirArg
					: Path.of(System.getenv().getOrDefault("KEDJA_DATA_DIR", ".kedja-data"));
			kedja = Kedja.attach(dataDir.toAbsolutePath());
			progress("attached to the running Kedja with data in " + kedja.dataDir);
		}
		else {
			Path dataDir = Files.createTempDirectory("kedja-bench-");
			progress("starting the embedded default on a fresh data folder " + dataDir
					+ (this.demo ? " (with the demo data)"
							: " (no demo data; the dashboard is measured over the participants the suite enrols)")
					+ " ...");
			try {
				kedja = Kedja.start(repo, dataDir, this.demo, jfrDir, Duration.ofMinutes(this.demo ? 40 : 4),
						this::progress);
			}
			catch (RuntimeException ex) {
				progress("Kedja did not start: " + ex.getMessage());
				report.put("error", "Kedja did not start: " + ex.getMessage());
				write(report, figures, out, startedAt, mode);
				return 1;
			}
			progress("Kedja is ready after %.1f s".formatted(kedja.startupSeconds));
		}
		int code = 0;
		try {
			code = measure(kedja, report, figures, settings, resources);
		}
		catch (Exception ex) {
			progress("the suite stopped: " + ex);
			report.put("error", "the suite stopped: " + ex);
			code = 1;
		}
		finally {
			if (!attach) {
				kedja.stop(this::progress);
				kedja.wipe(keptLogs);
				report.put("logs", keptLogs.toString());
				progress("the services' logs are kept in " + keptLogs);
				if (jfrDir != null) {
					report.put("jfr", jfrDir.toString());
					progress("flight recordings in " + jfrDir);
				}
			}
			machine.put("loadAverageAtEnd", Machine.loadAverage());
			report.put("seconds", Math.round(elapsedSeconds()));
			write(report, figures, out, startedAt, mode);
		}
		return code;
	}

	private int measure(Kedja kedja, Map<String, Object> report, List<Figure> figures, Map<String, Object> settings,
			Map<String, Object> resources) throws Exception {
		int pgPort = Integer.parseInt(System.getenv().getOrDefault("KEDJA_PG_PORT", "5432"));
		String kafka = "localhost:" + System.getenv().getOrDefault("KEDJA_KAFKA_PORT", "9092");
		Database database = new Database(pgPort, kedja.dataDir);
		Api api = new Api(kedja.dataDir);
		Measurements.Settings plan = Measurements.Settings.of(this.quick);
		settings.put("synchronous_commit", database.setting("synchronous_commit"));
		settings.put("fsync", database.setting("fsync"));
		settings.put("postgresql", database.setting("server_version"));
		settings.put("shared_buffers", database.setting("shared_buffers"));
		settings.put("kafka", "broker on " + kafka + " (kafka-clients "
				+ org.apache.kafka.common.utils.AppInfoParser.getVersion() + ")");
		settings.put("runsPerFigure", plan.runs());
		settings.put("writeWindowSeconds", plan.window().toSeconds());
		settings.put("freshnessRatePerSecond", plan.freshnessRate());
		settings.put("readsPerRound", plan.readsPerRound());
		settings.put("figures", (this.only == null) ? "all"
				: "only those whose id starts with " + String.join(" or ", this.only.split(",")));
		settings.put("dataFolder", kedja.attached ? kedja.dataDir.toString() : "fresh temporary folder");
		api.loaderToken();
		settings.put("tokens", api.tokenSource);
		progress(
				"PostgreSQL synchronous_commit=" + settings.get("synchronous_commit") + ", tokens: " + api.tokenSource);
		Map<String, Object> versions = new LinkedHashMap<>();
		versions.put("git", git("rev-parse", "--short", "HEAD")
				+ (git("status", "--porcelain").isBlank() ? "" : " (with uncommitted changes in the tree)"));
		for (String jar : List.of("case-service", "progress-service", "audit-service", "identity", "web", "launcher")) {
			Path file = Path.of("services", jar, "target", jar + ".jar");
			if (Files.isRegularFile(file)) {
				versions.put(jar + ".jar built", Files.getLastModifiedTime(file).toInstant().toString());
			}
		}
		report.put("versions", versions);

		Figure startup = new Figure("startup", "Start-up: launcher start → every service healthy (fresh data folder)");
		if (kedja.attached) {
			startup.status = "not measured";
			startup.reason = "--attach: Kedja was already running";
		}
		else {
			startup.unit = "s";
			startup.runs.add(kedja.startupSeconds);
			startup.notes.addAll(kedja.readyLines.values());
			startup.notes.add("one start per run; start-up has no baseline and no target");
		}
		figures.add(startup);
		Thread.sleep(2000);
		Memory memory = new Memory(kedja);
		Memory.Reading idle = memory.read();
		resources.put("idle", idle.toMap());
		progress("memory, idle: " + total(idle));
		memory.sample(Duration.ofSeconds(5));

		Measurements m = new Measurements(plan, api, database, kafka, this::progress, kedja::cpuSeconds);
		m.prepareBaselineTable();
		Scale.Sizes sizes = Scale.Sizes.of(this.quick);
		settings.put("scaleSizes", sizes.toString());
		Scale scale = new Scale(sizes, m, api, database, kafka, this::progress);
		// the dashboard at 1,000 participants comes first, before the suite's own
		// commands enrol more into the project
		Figure dashboard = step("dashboard", "Dashboard at 1,000 participants", 60, () -> {
			long fed = scale.topUp(DASHBOARD_PARTICIPANTS, 45);
			Figure figure = m.dashboard("dashboard", 1);
			figure.notes.add(0,
					("%,d of the participants were fed by a bare Kafka producer (well-formed "
							+ "participant-enrolled envelopes, taken by progress-service's live listeners)%s")
						.formatted(fed, this.demo ? "; the others are the demo data's" : ""));
			return figure;
		}, null);
		figures.add(dashboard);
		if (Arrays.stream(plan.clients()).anyMatch((clients) -> selected("write-path-" + clients))) {
			Duration warmUp = Duration.ofSeconds(this.quick ? 20 : 120);
			progress("warming up (32 clients, " + warmUp.toSeconds() + " s, not counted) ...");
			m.warmUp(32, warmUp);
		}

		for (int clients : plan.clients()) {
			double cost = plan.runs() * 2 * plan.window().toSeconds() + 3;
			figures.add(step("write-path-" + clients, "Write path at " + clients + " clients", cost,
					() -> m.writePath(clients),
					"≥ 1/3 of baseline" + (clients == 32 ? ", ≥ 1,500 commands/s" : "") + ", p99 ≤ 50 ms"));
		}
		double freshnessCost = (this.quick ? 2 : 3) * (2 * plan.freshnessWindow().toSeconds() + 10);
		figures.add(step("freshness", "Freshness (command 2xx → figure in progress-service)", freshnessCost,
				m::freshness, "p99 ≤ 1 s"));
		String[] cases = new String[2];
		figures.add(step("audit-replay-50", "Audit replay, 50 events", 30, () -> {
			cases[0] = m.caseOf(50);
			return m.auditReplay(cases[0], 50);
		}, null));
		figures.add(step("audit-replay-500", "Audit replay, 500 events", 90, () -> {
			progress("  building a case of 500 events through the API (one command after the other) ...");
			cases[1] = m.caseOf(500);
			return m.auditReplay(cases[1], 500);
		}, "p99 ≤ 20 ms and ≤ 2× the plain query"));
		Double oneClient = figures.stream()
			.filter((f) -> f.id.equals("write-path-1") && !f.runs.isEmpty())
			.map((f) -> f.runStats().median())
			.findFirst()
			.orElse(null);
		figures.add(step("import", "Import", this.quick ? 30 : 660, () -> scale.importLines(oneClient), null));
		// what the later steps need (Axon's replay, the feed of 1M participants, the
		// dashboard at 1M, the rebuild: about 380 s in the last full runs), so that the
		// store's load leaves them their time
		double later = this.quick ? 110 : 440;
		double appendMeasuring = 2.0 * sizes.appendRuns() * (sizes.appendWindow().toSeconds() + 2) + 20;
		figures.add(step("append-growth", "Append cost as the store grows", appendMeasuring + 30,
				() -> scale.appendGrowth(remaining() - later - appendMeasuring), "≤ 1.5× the p50 at 100k"));
		figures.add(step("axon-replay-gaps", "Axon replay with gaps vs without", this.quick ? 40 : 120,
				scale::axonReplayGaps, "≥ 0.9× without gaps"));
		// the participants of the dashboard at 1M, fed alone: beside the store's load
		// (run 20261123T193825Z) both went at less than half their pace
		boolean fed = (selected("dashboard-1m") || selected("rebuild"))
				&& feed(scale, sizes, remaining() - (this.quick ? 50 : 140));
		int aggregateEvery = Math.max(1, plan.readsPerRound() / 5);
		figures.add(fed
				? step("dashboard-1m", "Dashboard at 1M participants", this.quick ? 20 : 60,
						() -> scale.dashboardLarge(dashboard, aggregateEvery), "p99 ≤ 50 ms and ≤ 2× its p99 at 1k")
				: Figure.notMeasured("dashboard-1m", "Dashboard at 1M participants",
						"no participants could be fed in the run's budget", "p99 ≤ 50 ms and ≤ 2× its p99 at 1k"));
		figures.add(step("rebuild", "Projection rebuild", this.quick ? 35 : 70, () -> scale.rebuild(remaining()),
				"≥ 100,000 events/s, ≥ 1/4 of a bare consumer, ≥ 5× the Axon replay baseline"));

		memory.stop();
		Memory.Reading after = memory.read();
		Memory.Reading peak = memory.peak();
		resources.put("afterLoad", after.toMap());
		resources.put("peak", peak.toMap());
		resources.put("samples", memory.samples());
		progress("memory, after load: " + total(after) + "; peak: " + total(peak));
		figures.add(memoryFigure(idle, after, peak, memory.samples()));
		report.put("resources", resources);

		report.put("figures", figures.stream().map(Figure::toMap).toList());
		return 0;
	}

	/**
	 * Feeds progress-service the participants of the dashboard at 1M in at most
	 * {@code seconds}; whether any were fed.
	 */
	private boolean feed(Scale scale, Scale.Sizes sizes, double seconds) {
		if (seconds <= 20) {
			progress("no time left to feed enrolments to progress-service");
			return false;
		}
		progress("feeding enrolments to progress-service through its topic (for up to %.0f s) ..."
			.formatted(Math.min(seconds, sizes.catchUpBudget().toSeconds())));
		try {
			scale.feedParticipants(seconds);
			return true;
		}
		catch (Exception ex) {
			progress("feeding the topic failed: " + ex);
			return false;
		}
	}

	interface Step {

		Figure run() throws Exception;

	}

	private boolean selected(String id) {
		return this.only == null
				|| Arrays.stream(this.only.split(",")).anyMatch((prefix) -> id.startsWith(prefix.trim()));
	}

	private Figure step(String id, String title, double seconds, Step step, String target) {
		if (!selected(id)) {
			return Figure.notMeasured(id, title, "not selected (--only " + this.only + ")", target);
		}
		if (!fits(seconds)) {
			String reason = "the %s run's %d-minute budget was spent (%.0f s elapsed, start-up included, on a loaded machine)"
				.formatted(this.quick ? "quick" : "full", this.budget.toMinutes(), elapsedSeconds());
			progress(title + ": not measured — " + reason);
			return Figure.notMeasured(id, title, reason, target);
		}
		progress(title + " ...");
		try {
			return step.run();
		}
		catch (Exception | AssertionError ex) {
			progress(title + " failed: " + ex);
			return new Figure(id, title).failed(String.valueOf(ex));
		}
	}

	private static String total(Memory.Reading reading) {
		Double total = reading.proportional().get("total");
		return (total == null) ? "unknown (launcher not found)"
				: "%.0f MiB in all (PSS; %.0f MiB summed VmRSS)".formatted(total, reading.residentTotal());
	}

	/**
	 * The whole embedded default's memory: its peak while the suite ran against the same
	 * processes idle after start-up, both as the sum of PSS (each shared page counted
	 * once, in parts); the summed VmRSS is in the notes.
	 */
	private static Figure memoryFigure(Memory.Reading idle, Memory.Reading after, Memory.Reading peak, int samples) {
		Figure memory = new Figure("memory", "Memory of the whole embedded default: peak while the suite ran "
				+ "(sum of PSS over the launcher's process tree and the PostgreSQL server)");
		if (Double.isNaN(peak.proportionalTotal()) || Double.isNaN(idle.proportionalTotal())) {
			memory.status = "not measured";
			memory.reason = "the launcher's process was not found";
			return memory;
		}
		memory.unit = "MiB";
		memory.runs.add(peak.proportionalTotal());
		memory.baselineTitle = "the same processes idle after start-up";
		memory.baselineRuns.add(idle.proportionalTotal());
		memory.ratioMeaning = "peak ÷ idle";
		memory.ratio = peak.proportionalTotal() / idle.proportionalTotal();
		memory.target = "< 3 GiB (3072 MiB)";
		memory.met = peak.proportionalTotal() < 3072;
		memory.notes.add(("one reading when idle, then one every 5 s while the suite ran (%d in all); the peak is the "
				+ "highest total at one reading")
			.formatted(samples));
		memory.notes.add(("PSS (proportional set size, /proc/<pid>/smaps_rollup) splits each shared page among the "
				+ "processes that map it, so the sum is what they hold in RAM together; summed VmRSS counts "
				+ "PostgreSQL's shared buffers once per backend: idle %.0f MiB, after load %.0f, peak %.0f")
			.formatted(idle.residentTotal(), after.residentTotal(), peak.residentTotal()));
		memory.notes.add("after load (the end of the suite): %.0f MiB PSS".formatted(after.proportionalTotal()));
		return memory;
	}

	private static String git(String... args) {
		try {
			List<String> command = new ArrayList<>(List.of("git"));
			command.addAll(List.of(args));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String text = new String(process.getInputStream().readAllBytes()).strip();
			process.waitFor();
			return text;
		}
		catch (IOException ex) {
			return "?";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "?";
		}
	}

	private void write(Map<String, Object> report, List<Figure> figures, Path out, Instant startedAt, String mode)
			throws IOException {
		if (!report.containsKey("figures")) {
			report.put("figures", figures.stream().map(Figure::toMap).toList());
		}
		Files.createDirectories(out);
		String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(startedAt);
		Path json = out.resolve(stamp + "-" + mode + ".json");
		Path md = out.resolve(stamp + "-" + mode + ".md");
		Files.writeString(json, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
		Files.writeString(md, Markdown.of(report, figures));
		progress("wrote " + json + " and " + md);
	}

}
