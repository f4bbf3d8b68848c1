package se.kedja.demo.generate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.kedja.demo.generate.Jobseekers.Group;
import se.kedja.demo.generate.Jobseekers.Profile;

/**
 * The five seed projects (mission/seeds), shaped by their texts. Site and actor ids match
 * the project definitions in case-service's {@code resources/projects/}.
 */
public final class SeedProjects {

	private SeedProjects() {
	}

	public static List<SeedProject> all() {
		return List.of(orangeriet(), sesam(), samverkanUtanGranser(), mellanStolarna(), new KompetentaAnordnare());
	}

	/**
	 * Seed 003: four social work co-operatives, a new group about every six months over
	 * three years, at least 320 participants, at least 180 in work, education or an
	 * enterprise 90 days after exit, at least 90% whose chances of work increased.
	 */
	static SeedProject orangeriet() {
		Map<String, Double> sites = sites("finspang", 1, "katrineholm-vingaker", 1, "kinda", 1, "linkoping", 1);
		Map<String, List<String>> municipalities = Map.of("finspang", List.of("0562"), "katrineholm-vingaker",
				List.of("0483", "0428"), "kinda", List.of("0513"), "linkoping", List.of("0580"));
		Map<String, String> responsible = Map.of("finspang", "socialtjansten-finspang", "katrineholm-vingaker",
				"orangeriet", "kinda", "orangeriet", "linkoping", "arbetsformedlingen-ostergotland");
		return new Jobseekers(new Profile("orangeriet", LocalDate.of(2008, 12, 1), LocalDate.of(2011, 10, 31), 332,
				groupsEverySixMonths(6), sites, municipalities, SeedProjects::orangerietGroup, 0.52, 19, 63,
				List.of("arbetsformedlingen-ostergotland", "socialtjansten-finspang", "orangeriet",
						"forsakringskassan"),
				responsible,
				List.of("INDIVIDUAL", "GROUP", "GROUP", "WORK_TRAINING", "WORK_TRAINING", "EDUCATION", "VALIDATION",
						"INTERNSHIP", "HEALTH"),
				new int[] { 22, 48 }, new int[] { 28, 56 }, 0.1, 0.1, 0.84, 0.06, 0.93,
				new double[] { 0.12, 0.15, 0.05 }, 0.06, true));
	}

	/** Groups start every six months; participant i joins group i mod groups. */
	private static Jobseekers.IntakeRule groupsEverySixMonths(int groups) {
		return (index, count, dice) -> {
			int group = (index / 4) % groups;
			return 0.01 + group * 0.16 + dice.between(0, 14) / 1065.0;
		};
	}

	private static Group orangerietGroup(Dice dice) {
		String kind = dice.weighted(List.of("income-support", "introduction", "mental-ill-health"), 0.45, 0.3, 0.25);
		return switch (kind) {
			case "introduction" -> new Group(List.of("income-support"), List.of("INTRODUCTION_BENEFIT"), true, 6, 30);
			case "mental-ill-health" -> new Group(List.of("mental-ill-health", "long-term-unemployed"),
					List.of("INCOME_SUPPORT", "LONG_TERM_UNEMPLOYED"), dice.chance(0.2), 12, 96);
			default -> new Group(
					dice.chance(0.6) ? List.of("income-support", "long-term-unemployed") : List.of("income-support"),
					List.of("INCOME_SUPPORT"), dice.chance(0.35), 6, 72);
		};
	}

	/**
	 * Seed 000: social-economy providers of Fas 3 places in 15 municipalities of Jämtland
	 * and Västernorrland, 100 to 150 participants, close follow-up of every individual
	 * plan.
	 */
	static SeedProject sesam() {
		Map<String, String> providers = new LinkedHashMap<>();
		providers.put("berg", "2326");
		providers.put("bracke", "2305");
		providers.put("harjedalen", "2361");
		providers.put("harnosand", "2280");
		providers.put("kramfors", "2282");
		providers.put("krokom", "2309");
		providers.put("ragunda", "2303");
		providers.put("solleftea", "2283");
		providers.put("stromsund", "2313");
		providers.put("sundsvall", "2281");
		providers.put("timra", "2262");
		providers.put("ange", "2260");
		providers.put("are", "2321");
		providers.put("ornskoldsvik", "2284");
		providers.put("ostersund", "2380");
		Map<String, Double> sites = new LinkedHashMap<>();
		Map<String, List<String>> municipalities = new LinkedHashMap<>();
		Map<String, String> responsible = new LinkedHashMap<>();
		providers.forEach((site, code) -> {
			sites.put(site, switch (site) {
				case "ostersund", "sundsvall" -> 3.0;
				case "ornskoldsvik", "harnosand", "solleftea", "kramfors" -> 1.5;
				default -> 1.0;
			});
			municipalities.put(site, List.of(code));
			boolean jamtland = code.startsWith("23");
			responsible.put(site, jamtland ? "arbetsformedlingen-ostersund" : "arbetsformedlingen-sundsvall");
		});
		return new Jobseekers(new Profile("sesam", LocalDate.of(2009, 7, 1), LocalDate.of(2012, 6, 30), 132,
				(index, count, dice) -> 0.1 + 0.78 * (index + dice.between(0, 99) / 100.0) / count, sites,
				municipalities,
				(dice) -> new Group(
						List.of("fas3"), List.of("FAS3", "LONG_TERM_UNEMPLOYED"), dice.chance(0.22), 30, 96),
				0.45, 30, 64,
				List.of("arbetsformedlingen-ostersund", "arbetsformedlingen-sundsvall", "forsakringskassan",
						"sesam-samordning"),
				responsible,
				List.of("WORK_TRAINING", "WORK_TRAINING", "INDIVIDUAL", "GROUP", "MULTI_ACTOR_MEETING", "HEALTH",
						"EDUCATION"),
				new int[] { 26, 78 }, new int[] { 14, 28 }, 0.1, 0.12, 0.24, 0.35, 0.82,
				new double[] { 0.08, 0.1, 0.05 }, 0.03, true));
	}

	/**
	 * Seed 002: about 150 long-term unemployed in Hässleholm and Kristianstad, with
	 * mental ill-health or immigrants, individual activities and an active exit.
	 */
	static SeedProject samverkanUtanGranser() {
		return new Jobseekers(new Profile("samverkan-utan-granser", LocalDate.of(2012, 2, 1),
				LocalDate.of(2014, 12, 31), 152,
				(index, count, dice) -> 0.12 + 0.74 * (index + dice.between(0, 99) / 100.0) / count,
				sites("hassleholm", 0.55, "kristianstad", 0.45),
				Map.of("hassleholm", List.of("1293"), "kristianstad", List.of("1290")),
				(dice) -> dice.chance(0.5)
						? new Group(List.of("mental-ill-health"),
								dice.chance(0.3) ? List.of("SICK_OR_ACTIVITY_COMPENSATION")
										: List.of("LONG_TERM_UNEMPLOYED", "INCOME_SUPPORT"),
								dice.chance(0.15), 12, 120)
						: new Group(List.of("long-term-unemployed-immigrants"),
								dice.chance(0.4) ? List.of("INTRODUCTION_BENEFIT")
										: List.of("LONG_TERM_UNEMPLOYED", "INCOME_SUPPORT"),
								true, 12, 60),
				0.5, 20, 62,
				List.of("arbetsmarknadsenheten-hassleholm", "arbetsmarknad-kristianstad",
						"arbetsformedlingen-hassleholm", "region-skane-psykiatri", "forsakringskassan"),
				Map.of("hassleholm", "arbetsmarknadsenheten-hassleholm", "kristianstad", "arbetsmarknad-kristianstad"),
				List.of("INDIVIDUAL", "HEALTH", "HEALTH", "INTERNSHIP", "INTERNSHIP", "EDUCATION", "WORK_TRAINING",
						"GROUP", "MULTI_ACTOR_MEETING"),
				new int[] { 26, 65 }, new int[] { 21, 42 }, 0.14, 0.12, 0.38, 0.22, 0.85,
				new double[] { 0.15, 0.1, 0.05 }, 0.05, true));
	}

	/**
	 * Seed 004 (a pre-study, 2008): people sent round between the agencies of Blekinge;
	 * every case has a responsible actor and handovers between them, and some fall
	 * between the chairs: a handover never answered, or no follow-up for a long time.
	 */
	static SeedProject mellanStolarna() {
		return new Jobseekers(new Profile("mellan-stolarna", LocalDate.of(2008, 6, 30), LocalDate.of(2008, 12, 31), 72,
				(index, count, dice) -> 0.03 + 0.7 * (index + dice.between(0, 99) / 100.0) / count,
				sites("karlskrona", 0.6, "ronneby", 0.25, "solvesborg", 0.15),
				Map.of("karlskrona", List.of("1080"), "ronneby", List.of("1081"), "solvesborg", List.of("1083")),
				(dice) -> switch (dice.weighted(List.of("sick", "refugee", "income", "disability"), 0.35, 0.25, 0.25,
						0.15)) {
					case "sick" ->
						new Group(List.of("long-term-sick"), List.of("SICKNESS_BENEFIT"), dice.chance(0.2), 6, 48);
					case "refugee" ->
						new Group(List.of("refugee-introduction"), List.of("INTRODUCTION_BENEFIT"), true, 3, 36);
					case "disability" -> new Group(List.of("disability"), List.of("SICK_OR_ACTIVITY_COMPENSATION"),
							dice.chance(0.2), 12, 120);
					default -> new Group(List.of("income-support"), List.of("INCOME_SUPPORT"), dice.chance(0.4), 6, 60);
				}, 0.5, 20, 62,
				List.of("arbetsformedlingen-blekinge", "socialtjansten-karlskrona", "forsakringskassan-blekinge",
						"flyktingintroduktionen-karlskrona", "migrationsverket", "landstinget-blekinge"),
				Map.of("karlskrona", "socialtjansten-karlskrona", "ronneby", "arbetsformedlingen-blekinge",
						"solvesborg", "forsakringskassan-blekinge"),
				List.of("MULTI_ACTOR_MEETING", "MULTI_ACTOR_MEETING", "INDIVIDUAL", "HEALTH", "WORK_TRAINING"),
				new int[] { 10, 30 }, new int[] { 14, 35 }, 0.08, 0.08, 0.15, 0.3, 0.75,
				new double[] { 0.95, 0.15, 0.15 }, 0.2, true));
	}

	private static Map<String, Double> sites(Object... idsAndWeights) {
		Map<String, Double> sites = new LinkedHashMap<>();
		for (int i = 0; i < idsAndWeights.length; i += 2) {
			sites.put((String) idsAndWeights[i], ((Number) idsAndWeights[i + 1]).doubleValue());
		}
		return sites;
	}

}
