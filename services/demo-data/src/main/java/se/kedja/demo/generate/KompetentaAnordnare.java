package se.kedja.demo.generate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static se.kedja.demo.generate.CaseTimeline.body;

/**
 * Seed 001: social-economy organisations asked to become Fas 3 providers, and their
 * supervisors and staff trained. The event contract has no organisation, so both are
 * cases, told apart by target group, as progress-service's goal definitions count them:
 * an organisation is enrolled when it is asked ({@code organisation}), takes part in the
 * needs mapping or method development as a survey answer, and leaves when it declines; a
 * supervisor ({@code supervisor}) is enrolled at one of six regional sites, names the
 * organisation as the actor taking part in the training, and completes an education
 * activity.
 */
final class KompetentaAnordnare implements SeedProject {

	/** Organisations asked, of every hundred enrolments; the rest are supervisors. */
	private static final int ORGANISATIONS_PER_HUNDRED = 67;

	static final Map<String, List<String>> REGIONS = regions();

	private static Map<String, List<String>> regions() {
		Map<String, List<String>> regions = new LinkedHashMap<>();
		regions.put("norr", List.of("2506", "2510", "2584", "2481", "2462", "2421"));
		regions.put("mitt", List.of("2305", "2309", "2313", "2161", "2121", "2184"));
		regions.put("vast", List.of("1737", "1784", "1460", "1438", "1435", "1470"));
		regions.put("bergslagen-dalarna", List.of("2039", "2023", "2031", "1962", "1863", "1882"));
		regions.put("syd", List.of("1273", "1256", "1270", "1060", "0763", "1315"));
		regions.put("ost", List.of("0512", "0604", "0821", "0884", "0980", "0563"));
		return regions;
	}

	@Override
	public String id() {
		return "kompetenta-anordnare";
	}

	@Override
	public LocalDate seedStart() {
		return LocalDate.of(2009, 7, 1);
	}

	@Override
	public LocalDate seedEnd() {
		return LocalDate.of(2011, 8, 12);
	}

	@Override
	public int defaultParticipants() {
		return 700;
	}

	@Override
	public List<String> siteIds() {
		return List.copyOf(REGIONS.keySet());
	}

	static boolean isOrganisation(int index) {
		return index % 100 < ORGANISATIONS_PER_HUNDRED;
	}

	@Override
	public void plan(int index, int count, Dice dice, Period period, CaseTimeline timeline) {
		String site = dice.pick(siteIds());
		String municipality = dice.pick(REGIONS.get(site));
		String coach = "coach-" + site + "-" + dice.between(1, 2);
		if (isOrganisation(index)) {
			organisation(index, dice, period, timeline, site, municipality, coach);
		}
		else {
			supervisor(index, dice, period, timeline, site, municipality, coach);
		}
	}

	private void organisation(int index, Dice dice, Period period, CaseTimeline timeline, String site,
			String municipality, String coach) {
		LocalDate asked = Dice.weekday(period.at(0.02 + 0.25 * dice.between(0, 999) / 1000.0));
		People contact = People.of(dice, index, id(), asked, dice.between(30, 67), 0.55, false);
		String name = dice.pick(List.of("Byalaget", "Bygdegårdsföreningen", "Föreningen Framtid", "Hembygdsföreningen",
				"Arbetskooperativet", "Idrottsföreningen", "Second hand-föreningen", "Kulturföreningen",
				"Samlingslokalen")) + " i " + Municipalities.name(municipality) + " #" + index;
		timeline.add(asked, Kind.ENROL,
				body("name", name, "personnummer", contact.personnummer(), "siteId", site, "coachId", coach,
						"responsibleActor", "hela-sverige-ska-leva", "enrolledOn", asked, "gender", "OTHER",
						"municipality", municipality, "targetGroups", List.of("organisation"), "entrySituations",
						List.of("OTHER"), "monthsWithoutWork", 0, "isced", "ISCED_3_4", "consentToStatistics", true));
		boolean mapped = dice.chance(0.245);
		if (!mapped) {
			LocalDate declined = dice.after(asked, 10, 50);
			timeline.add(declined, Kind.EXIT,
					body("exitedOn", declined, "reason", "OWN_CHOICE", "outcome", "OTHER_ACTIVE_OCCUPATION"));
			return;
		}
		LocalDate agreed = dice.after(asked, 10, 45);
		timeline.add(agreed, Kind.PLAN,
				body("agreedOn", agreed, "goals", List.of(body("key", "g1", "area", "OTHER")), "plannedActivities",
						List.of(body("type", "GROUP")), "accessibilityNeeds", List.of(), "agreedWith",
						List.of("hela-sverige-ska-leva")));
		LocalDate mapping = dice.after(agreed, 20, 150);
		timeline.add(mapping, Kind.SURVEY_ANSWER,
				body("answeredOn", mapping, "questionKey", "needs-mapping", "answer", "took-part"));
		if (dice.chance(0.11)) {
			LocalDate method = dice.after(mapping, 30, 200);
			timeline.add(method, Kind.SURVEY_ANSWER,
					body("answeredOn", method, "questionKey", "method-development", "answer", "took-part"));
		}
	}

	private void supervisor(int index, Dice dice, Period period, CaseTimeline timeline, String site,
			String municipality, String coach) {
		LocalDate enrolled = Dice.weekday(period.at(0.22 + 0.62 * dice.between(0, 999) / 1000.0));
		boolean foreignBackground = dice.chance(0.08);
		People person = People.of(dice, index, id(), enrolled, dice.between(24, 66), 0.6, foreignBackground);
		String organisation = "org-" + site + "-" + dice.between(1, 40);
		timeline.add(enrolled, Kind.ENROL,
				body("name", person.name(), "personnummer", person.personnummer(), "siteId", site, "coachId", coach,
						"responsibleActor", "hela-sverige-ska-leva", "enrolledOn", enrolled, "gender", person.gender(),
						"municipality", municipality, "targetGroups", List.of("supervisor"), "entrySituations",
						List.of("EMPLOYED"), "monthsWithoutWork", 0, "isced",
						dice.weighted(List.of("ISCED_0_2", "ISCED_3_4", "ISCED_5_8"), 0.1, 0.55, 0.35),
						"foreignBackground", foreignBackground, "consentToStatistics", true));
		LocalDate agreed = dice.after(enrolled, 3, 20);
		timeline.add(agreed, Kind.PLAN,
				body("agreedOn", agreed, "goals", List.of(body("key", "g1", "area", "EDUCATION")), "plannedActivities",
						List.of(body("type", "EDUCATION", "provider", "hela-sverige-ska-leva")), "accessibilityNeeds",
						dice.chance(0.06) ? List.of(body("area", "INFORMATIVE", "adapted", true)) : List.of(),
						"agreedWith", List.of("hela-sverige-ska-leva")));
		String course = dice.uuid().toString();
		LocalDate started = dice.after(agreed, 5, 40);
		timeline.add(started, Kind.ACTIVITY,
				body("activityId", course, "type", "EDUCATION", "startedOn", started, "provider",
						dice.pick(List.of("hela-sverige-ska-leva", "coompanion", "civilforsvarsforbundet")),
						"actorsTakingPart", List.of(organisation)));
		boolean completes = dice.chance(0.93);
		LocalDate completed = dice.after(started, 20, 90);
		if (completes) {
			timeline.add(completed, Kind.ACTIVITY_COMPLETION, Map.of("activityId", course),
					body("completedOn", completed, "asPlanned", dice.chance(0.9)));
		}
		if (dice.chance(0.45)) {
			String network = dice.uuid().toString();
			LocalDate met = dice.after(started, 10, 60);
			timeline.add(met, Kind.ACTIVITY, body("activityId", network, "type", "GROUP", "startedOn", met,
					"actorsTakingPart", List.of(organisation)));
			timeline.add(met, Kind.ACTIVITY_COMPLETION, Map.of("activityId", network),
					body("completedOn", met, "asPlanned", true));
		}
		LocalDate follow = dice.after(completed, 7, 30);
		timeline.add(follow, Kind.FOLLOW_UP,
				body("heldOn", follow, "progress",
						List.of(body("goalKey", "g1", "level", completes ? "ACHIEVED" : "HALFWAY")),
						"accessibilityReviewed", true, "ownAssessment", "BETTER"));
		LocalDate exit = dice.after(follow, 1, 20);
		timeline.add(exit, Kind.EXIT,
				body("exitedOn", exit, "reason", completes ? "PLAN_COMPLETED" : "OWN_CHOICE", "outcome", "EMPLOYMENT"));
	}

}
