package se.kedja.demo.generate;

import java.util.Map;

/**
 * One request a coach would send, as case-service's API takes it.
 *
 * @param command the request's name, e.g. {@code enrol}, {@code follow-up}
 * @param participant the participant's external reference, e.g. {@code orangeriet-0001}
 * @param step the command's place in the participant's history, from 0
 * @param refs what the request names outside its body: {@code activityId} and
 * {@code transferId} of the URL, or the type of event a correction corrects
 * @param body the JSON body, with dates as ISO strings, in a fixed key order
 */
public record DemoCommand(String command, String project, String participant, int step, Map<String, String> refs,
		Map<String, Object> body) {

	public DemoCommand {
		refs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(refs));
		body = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(body));
	}

	/** The same for the same seed, so that a rerun records nothing twice. */
	public String idempotencyKey(long seed) {
		return "demo-" + seed + "-" + this.participant + "-" + this.step;
	}

}
