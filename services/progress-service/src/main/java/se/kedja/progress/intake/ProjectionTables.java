package se.kedja.progress.intake;

import java.util.List;

/**
 * The names of one set of projection tables. The live set serves; a rebuild fills the
 * shadow set from the start of the topics, then the two swap names in one transaction.
 */
public record ProjectionTables(String processedEvent, String caseEvent, String participant, String projectDefinition,
		String goalTally, String qualityException) {

	public static final ProjectionTables LIVE = new ProjectionTables("processed_event", "case_event", "participant",
			"project_definition", "goal_tally", "quality_exception");

	public static final ProjectionTables SHADOW = new ProjectionTables("processed_event_shadow", "case_event_shadow",
			"participant_shadow", "project_definition_shadow", "goal_tally_shadow", "quality_exception_shadow");

	public List<String> all() {
		return List.of(this.processedEvent, this.caseEvent, this.participant, this.projectDefinition, this.goalTally,
				this.qualityException);
	}

}
