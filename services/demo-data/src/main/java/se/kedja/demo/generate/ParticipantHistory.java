package se.kedja.demo.generate;

import java.util.List;

/** One participant's commands, in the order they must be sent. */
public record ParticipantHistory(String project, String participant, List<DemoCommand> commands) {

	public ParticipantHistory {
		commands = List.copyOf(commands);
	}

}
