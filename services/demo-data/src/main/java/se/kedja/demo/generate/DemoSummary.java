package se.kedja.demo.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The generator's own count of what it generated, per project: the figures the goals are
 * about, counted from the commands alone, so that what the system computes from the
 * events can be checked against them.
 */
public final class DemoSummary {

	/**
	 * Figure names, e.g. {@code participants},
	 * {@code in-work-education-or-enterprise-90-days}.
	 */
	private final Map<String, Map<String, Long>> figures = new TreeMap<>();

	public static DemoSummary of(Stream<ParticipantHistory> histories, LocalDate cutoff) {
		DemoSummary summary = new DemoSummary();
		histories.forEachOrdered((history) -> summary.add(history, cutoff));
		return summary;
	}

	public Map<String, Map<String, Long>> figures() {
		return this.figures;
	}

	public long get(String project, String figure) {
		return this.figures.getOrDefault(project, Map.of()).getOrDefault(figure, 0L);
	}

	void add(ParticipantHistory history, LocalDate cutoff) {
		String project = history.project();
		Map<String, Object> enrolment = history.commands().get(0).body();
		List<?> targetGroups = (List<?>) enrolment.get("targetGroups");
		boolean supervisor = targetGroups.contains("supervisor");
		boolean organisation = targetGroups.contains("organisation");
		count(project, "participants");
		count(project, "commands", history.commands().size());
		count(project, "gender:" + enrolment.get("gender"));
		count(project, "site:" + enrolment.get("siteId"));
		targetGroups.forEach((group) -> count(project, "targetGroup:" + group));
		LocalDate enrolled = LocalDate.parse((String) enrolment.get("enrolledOn"));
		LocalDate lastContact = enrolled;
		boolean exited = false;
		boolean pending = false;
		boolean trained = false;
		for (DemoCommand command : history.commands()) {
			Map<String, Object> body = command.body();
			switch (command.command()) {
				case "plan" -> {
					if (!Boolean.TRUE.equals(body.get("revision"))) {
						count(project, "plans-agreed");
						if (ChronoUnit.DAYS.between(enrolled, LocalDate.parse((String) body.get("agreedOn"))) > 30) {
							count(project, "plans-after-30-days");
						}
					}
				}
				case "follow-up" -> lastContact = LocalDate.parse((String) body.get("heldOn"));
				case "transfer" -> {
					count(project, "transfers-requested");
					pending = true;
				}
				case "transfer-acceptance" -> pending = false;
				case "transfer-rejection" -> {
					count(project, "transfers-rejected");
					pending = false;
				}
				case "activity-completion" -> trained = trained || supervisor;
				case "exit" -> {
					exited = true;
					count(project, "exited");
					String outcome = (String) body.get("outcome");
					if (Jobseekers.WORK_EDUCATION_ENTERPRISE.contains(outcome)
							|| outcome.equals("OTHER_ACTIVE_OCCUPATION")) {
						count(project, "active-exit");
					}
				}
				case "post-exit-follow-up" -> {
					count(project, "post-exit-follow-ups-90-days");
					if (Jobseekers.WORK_EDUCATION_ENTERPRISE.contains(body.get("status"))) {
						count(project, "in-work-education-or-enterprise-90-days");
					}
				}
				case "survey-answer" -> count(project, "survey:" + body.get("questionKey") + "=" + body.get("answer"));
				case "pause" -> count(project, "pauses");
				case "correction" -> count(project, "corrections");
				default -> {
				}
			}
		}
		if (!exited) {
			count(project, "active");
			if (pending) {
				count(project, "between-the-chairs:handover-unanswered");
			}
			if (!organisation && ChronoUnit.DAYS.between(lastContact, cutoff) > 60) {
				count(project, "between-the-chairs:no-follow-up-60-days");
			}
		}
		if (supervisor) {
			count(project, "supervisors");
			if (enrolment.get("gender").equals("FEMALE")) {
				count(project, "supervisors-women");
			}
			if (trained) {
				count(project, "supervisors-trained");
			}
		}
		if (organisation) {
			count(project, "organisations-asked");
		}
	}

	private void count(String project, String figure) {
		count(project, figure, 1);
	}

	private void count(String project, String figure, long by) {
		this.figures.computeIfAbsent(project, (p) -> new TreeMap<>()).merge(figure, by, Long::sum);
	}

}
