package se.kedja.demo.load;

import se.kedja.demo.generate.DemoCommand;

/** Where case-service takes each command, once the participant has an id. */
final class CommandPaths {

	private CommandPaths() {
	}

	static String of(String participantId, DemoCommand command) {
		String base = "/api/participants/" + participantId;
		return switch (command.command()) {
			case "plan" -> base + "/plan";
			case "activity" -> base + "/activities";
			case "activity-completion" -> base + "/activities/" + command.refs().get("activityId") + "/completion";
			case "follow-up" -> base + "/follow-ups";
			case "referral" -> base + "/referrals";
			case "transfer" -> base + "/transfers";
			case "transfer-acceptance" -> base + "/transfers/" + command.refs().get("transferId") + "/acceptance";
			case "transfer-rejection" -> base + "/transfers/" + command.refs().get("transferId") + "/rejection";
			case "consent" -> base + "/consents";
			case "consent-withdrawal" -> base + "/consents/withdrawal";
			case "pause" -> base + "/pauses";
			case "resumption" -> base + "/resumptions";
			case "exit" -> base + "/exit";
			case "post-exit-follow-up" -> base + "/post-exit-follow-ups";
			case "survey-answer" -> base + "/survey-answers";
			case "correction" -> base + "/corrections";
			default -> throw new IllegalArgumentException("No path for " + command.command());
		};
	}

}
