package se.kedja.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

import se.kedja.demo.export.Csv;
import se.kedja.demo.export.Ndjson;
import se.kedja.demo.generate.DemoGenerator;
import se.kedja.demo.generate.DemoSummary;
import se.kedja.demo.load.DemoLoader;

/**
 * {@code java -jar demo-data.jar <load|ndjson|csv|summary> [options]}; see the README.
 */
public final class DemoCli {

	static final String USAGE = """
			Usage: demo-data <command> [options]
			  load      send the demo through case-service's API (in order per participant, Idempotency-Key per command)
			  ndjson    write the commands as NDJSON, one a line (--out FILE, default stdout)
			  csv       write the participants as CSV, one enrolment a row (--out FILE, default stdout)
			  summary   print the generator's own figures per project
			  align     move the projects' periods to the demo's dates again (seed and today from --marker)
			Options:
			  --seed N            the random seed (default 20081201)
			  --today YYYY-MM-DD  the day taken as today (default: the real today, UTC)
			  --participants N    about N participants in all, in the default demo's proportions
			  --project ID        only this seed project (may be repeated)
			  --out FILE          where ndjson and csv write
			  --case-service URL  (load) default http://localhost:8081
			  --audit-service URL (load) for corrections' event ids, default http://localhost:8083
			  --parallel N        (load) participants sent at once, default 16
			  --marker FILE       (load) write this file when done, with the seed, today and date shift per project;
			                      if it exists, its seed and today are used, so a rerun sends the same commands""";

	public static final long DEFAULT_SEED = 20081201L;

	private DemoCli() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length == 0 || List.of(args).contains("--help")) {
			System.out.println(USAGE);
			return;
		}
		Options options = Options.parse(args);
		DemoGenerator generator = options.generator();
		switch (args[0]) {
			case "ndjson" -> {
				try (Writer out = options.writer()) {
					long lines = Ndjson.write(generator.histories(), out);
					System.err.println("Wrote " + lines + " commands");
				}
			}
			case "csv" -> {
				try (Writer out = options.writer()) {
					long rows = Csv.write(generator.histories(), out);
					System.err.println("Wrote " + rows + " participants");
				}
			}
			case "summary" -> {
				DemoSummary summary = DemoSummary.of(generator.histories(), generator.cutoff());
				generator.projects()
					.forEach((project) -> System.out
						.println(project.id() + " (dates shifted " + generator.shift(project).days() + " days, period "
								+ generator.period(project).start() + " to " + generator.period(project).end() + "): "
								+ summary.figures().getOrDefault(project.id(), Map.of())));
			}
			case "align" ->
				new DemoLoader(options.caseService, options.auditService, options.parallel, System.out::println)
					.align(generator);
			case "load" -> {
				DemoLoader.Result result = new DemoLoader(options.caseService, options.auditService, options.parallel,
						System.out::println)
					.load(generator);
				if (!result.failures().isEmpty()) {
					System.exit(1);
				}
				if (options.marker != null) {
					Files.writeString(options.marker, result.marker(generator));
				}
			}
			default -> {
				System.err.println("Unknown command '" + args[0] + "'\n" + USAGE);
				System.exit(2);
			}
		}
	}

	private static final class Options {

		long seed = DEFAULT_SEED;

		boolean seedGiven;

		boolean todayGiven;

		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);

		long participants = -1;

		final List<String> projects = new ArrayList<>();

		@Nullable Path out;

		URI caseService = URI.create("http://localhost:8081");

		URI auditService = URI.create("http://localhost:8083");

		int parallel = 16;

		@Nullable Path marker;

		static Options parse(String[] args) {
			Options options = new Options();
			for (int i = 1; i < args.length; i++) {
				String name = args[i];
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
				}
				String value = args[++i];
				switch (name) {
					case "--seed" -> {
						options.seed = Long.parseLong(value);
						options.seedGiven = true;
					}
					case "--today" -> {
						options.today = LocalDate.parse(value);
						options.todayGiven = true;
					}
					case "--participants" -> options.participants = Long.parseLong(value);
					case "--project" -> options.projects.add(value);
					case "--out" -> options.out = Path.of(value);
					case "--case-service" -> options.caseService = URI.create(value);
					case "--audit-service" -> options.auditService = URI.create(value);
					case "--parallel" -> options.parallel = Integer.parseInt(value);
					case "--marker" -> options.marker = Path.of(value);
					default -> throw new IllegalArgumentException("Unknown option " + name + "\n" + USAGE);
				}
			}
			options.readMarker();
			return options;
		}

		/** A loaded demo's seed and today, unless given on the command line. */
		private void readMarker() {
			if (this.marker == null || !Files.isRegularFile(this.marker)) {
				return;
			}
			Properties loaded = new Properties();
			try (var reader = Files.newBufferedReader(this.marker, StandardCharsets.UTF_8)) {
				loaded.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (!this.seedGiven && loaded.getProperty("seed") != null) {
				this.seed = Long.parseLong(loaded.getProperty("seed"));
			}
			if (!this.todayGiven && loaded.getProperty("today") != null) {
				this.today = LocalDate.parse(loaded.getProperty("today"));
			}
		}

		DemoGenerator generator() {
			if (this.participants < 0 && this.projects.isEmpty()) {
				return DemoGenerator.of(this.seed, this.today);
			}
			if (this.participants < 0) {
				return DemoGenerator.only(this.seed, this.today, this.projects);
			}
			return DemoGenerator.scaled(this.seed, this.today, this.participants, this.projects);
		}

		Writer writer() throws IOException {
			return (this.out != null) ? Files.newBufferedWriter(this.out, StandardCharsets.UTF_8)
					: new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
		}

	}

}
