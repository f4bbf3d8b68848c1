package se.kedja.demo.generate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Fictional participants and their whole case histories for the seed projects. What it
 * gives depends only on the seed, the day it is told is today, and the number of
 * participants: the same three give the same commands, byte for byte. Histories are made
 * one participant at a time, on demand, so a million participants stream through without
 * being held in memory.
 */
public final class DemoGenerator {

	private final long seed;

	private final LocalDate today;

	private final Map<SeedProject, Integer> counts;

	private DemoGenerator(long seed, LocalDate today, Map<SeedProject, Integer> counts) {
		this.seed = seed;
		this.today = today;
		this.counts = counts;
	}

	/** The default demo: every seed project at the size its text gives. */
	public static DemoGenerator of(long seed, LocalDate today) {
		Map<SeedProject, Integer> counts = new LinkedHashMap<>();
		SeedProjects.all().forEach((project) -> counts.put(project, project.defaultParticipants()));
		return new DemoGenerator(seed, today, counts);
	}

	/** The named projects at their default sizes. */
	public static DemoGenerator only(long seed, LocalDate today, List<String> only) {
		Map<SeedProject, Integer> counts = new LinkedHashMap<>();
		for (SeedProject project : select(only)) {
			counts.put(project, project.defaultParticipants());
		}
		return new DemoGenerator(seed, today, counts);
	}

	/**
	 * The named projects at the sizes given; every project named must be a seed project.
	 */
	public static DemoGenerator sized(long seed, LocalDate today, Map<String, Integer> participants) {
		Map<SeedProject, Integer> counts = new LinkedHashMap<>();
		for (SeedProject project : select(List.copyOf(participants.keySet()))) {
			counts.put(project, participants.get(project.id()));
		}
		if (counts.size() != participants.size()) {
			throw new IllegalArgumentException("Not every one of " + participants.keySet() + " is a seed project");
		}
		return new DemoGenerator(seed, today, counts);
	}

	private static List<SeedProject> select(List<String> only) {
		List<SeedProject> projects = SeedProjects.all()
			.stream()
			.filter((project) -> only.isEmpty() || only.contains(project.id()))
			.toList();
		if (projects.isEmpty()) {
			throw new IllegalArgumentException("No seed project is called " + only + "; there are "
					+ SeedProjects.all().stream().map(SeedProject::id).toList());
		}
		return projects;
	}

	/**
	 * About {@code participants} in all, shared among the projects in the default demo's
	 * proportions; {@code only} keeps the named projects (all when empty).
	 */
	public static DemoGenerator scaled(long seed, LocalDate today, long participants, List<String> only) {
		List<SeedProject> projects = select(only);
		long total = projects.stream().mapToLong(SeedProject::defaultParticipants).sum();
		Map<SeedProject, Integer> counts = new LinkedHashMap<>();
		for (SeedProject project : projects) {
			counts.put(project,
					(int) Math.max(1, Math.round((double) participants * project.defaultParticipants() / total)));
		}
		return new DemoGenerator(seed, today, counts);
	}

	public long seed() {
		return this.seed;
	}

	public LocalDate today() {
		return this.today;
	}

	/** The last day anything happens: yesterday, so no date is in the future anywhere. */
	public LocalDate cutoff() {
		return this.today.minusDays(1);
	}

	public List<SeedProject> projects() {
		return List.copyOf(this.counts.keySet());
	}

	public int participants(SeedProject project) {
		return this.counts.get(project);
	}

	public DateShift shift(SeedProject project) {
		return DateShift.endingAfter(project.seedEnd(), this.today);
	}

	public SeedProject.Period period(SeedProject project) {
		DateShift shift = shift(project);
		return new SeedProject.Period(shift.apply(project.seedStart()), shift.apply(project.seedEnd()), cutoff());
	}

	/** Every participant of every project, project by project. */
	public Stream<ParticipantHistory> histories() {
		return projects().stream().flatMap(this::histories);
	}

	public Stream<ParticipantHistory> histories(SeedProject project) {
		int count = this.counts.get(project);
		SeedProject.Period period = period(project);
		return IntStream.range(0, count).mapToObj((index) -> history(project, index, count, period));
	}

	private ParticipantHistory history(SeedProject project, int index, int count, SeedProject.Period period) {
		String participant = "%s-%04d".formatted(project.id(), index + 1);
		CaseTimeline timeline = new CaseTimeline();
		project.plan(index, count, new Dice(this.seed, project.id(), index), period, timeline);
		return new ParticipantHistory(project.id(), participant,
				timeline.commands(project.id(), participant, period.cutoff()));
	}

}
