package se.kedja.web.browser;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import se.kedja.demo.generate.DemoGenerator;
import se.kedja.demo.load.DemoLoader;

/**
 * A small generated project loaded through case-service's API, as {@code ./kedja demo}
 * does, so the pages and the screenshots show whole case histories: SESAM, with about
 * {@link #PARTICIPANTS} participants, its period moved to end just after today.
 */
record DemoProject(String id, long participants) {

	static final int PARTICIPANTS = 24;

	static final long SEED = 20081201;

	private static volatile DemoProject loaded;

	static synchronized DemoProject sesam(KedjaBackend backend) {
		if (loaded == null) {
			DemoGenerator generator = DemoGenerator.scaled(SEED, LocalDate.now(ZoneOffset.UTC), PARTICIPANTS,
					List.of("sesam"));
			DemoLoader.Result result = new DemoLoader(URI.create(backend.url("case-service")),
					URI.create(backend.url("audit-service")), 2, (line) -> System.out.println(line))
				.load(generator);
			if (!result.failures().isEmpty()) {
				throw new IllegalStateException("The demo was refused: " + result.failures());
			}
			loaded = new DemoProject("sesam", result.participants().getOrDefault("sesam", 0L));
		}
		return loaded;
	}

}
