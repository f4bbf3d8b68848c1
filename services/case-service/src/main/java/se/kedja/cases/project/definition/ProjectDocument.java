package se.kedja.cases.project.definition;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A project definition file as written: plain values, checked by
 * {@link ProjectDefinitionReader}.
 */
record ProjectDocument(@Nullable String id, @Nullable String name, @Nullable LocalDate periodStart,
		@Nullable LocalDate periodEnd, @Nullable String owner, @Nullable String region,
		@Nullable List<SiteDocument> sites, @Nullable List<TargetGroupDocument> targetGroups,
		@Nullable List<ActorDocument> responsibleActors, @Nullable SettingsDocument settings,
		@Nullable List<GoalDocument> goals) {

	record SiteDocument(@Nullable String id, @Nullable String name, @Nullable List<String> municipalities) {
	}

	record TargetGroupDocument(@Nullable String key, @Nullable String name) {
	}

	record ActorDocument(@Nullable String id, @Nullable String kind, @Nullable String name) {
	}

	record SettingsDocument(@Nullable Integer planDueDays, @Nullable List<Integer> postExitFollowUpDays,
			@Nullable Integer postExitFollowUpWindowDays) {
	}

	record GoalDocument(@Nullable String id, @Nullable String title, @Nullable String kind,
			@Nullable Map<String, Object> spec) {
	}

}
