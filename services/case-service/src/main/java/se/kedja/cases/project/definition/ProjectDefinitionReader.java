package se.kedja.cases.project.definition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.stereotype.Component;

import se.kedja.cases.project.definition.ProjectDocument.ActorDocument;
import se.kedja.cases.project.definition.ProjectDocument.GoalDocument;
import se.kedja.cases.project.definition.ProjectDocument.SettingsDocument;
import se.kedja.cases.project.definition.ProjectDocument.SiteDocument;
import se.kedja.cases.project.definition.ProjectDocument.TargetGroupDocument;
import se.kedja.events.ActorId;
import se.kedja.events.ActorKind;
import se.kedja.events.MunicipalityCode;
import se.kedja.events.ProjectId;
import se.kedja.events.SiteId;
import se.kedja.events.projects.GoalDefinition;
import se.kedja.events.projects.ProjectDefinition;
import se.kedja.events.projects.ProjectSettings;
import se.kedja.events.projects.ResponsibleActorDefinition;
import se.kedja.events.projects.SiteDefinition;
import se.kedja.events.projects.TargetGroupDefinition;

/**
 * Reads a project definition from YAML (or JSON, which is YAML too), refusing unknown
 * fields and reporting every problem with its line and column. The format is described in
 * docs/project-definition.md.
 */
@Component
public class ProjectDefinitionReader {

	private final YAMLMapper yaml = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
				DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
		.build();

	/**
	 * @param expectedId the project the definition must be for (from a URL or a file
	 * name), or null to take the file's {@code id}
	 */
	public LoadedDefinition read(String text, String source, @Nullable ProjectId expectedId) {
		ProjectDocument document;
		Map<String, TokenStreamLocation> locations;
		try {
			document = this.yaml.readValue(text, ProjectDocument.class);
			locations = locate(text);
		}
		catch (UnrecognizedPropertyException ex) {
			throw invalid(source, at(ex, "unknown field '" + ex.getPropertyName() + "'", text));
		}
		catch (JacksonException ex) {
			throw invalid(source, at(ex, ex.getOriginalMessage(), text));
		}
		if (document == null) {
			throw invalid(source, new DefinitionProblem(1, 1, "", "the definition is empty"));
		}
		Checker checker = new Checker(locations);
		ProjectId id = checker.projectId(document.id(), expectedId);
		ProjectDefinition definition = checker.definition(document);
		if (!checker.problems.isEmpty() || id == null || definition == null) {
			throw invalid(source, checker.problems);
		}
		return new LoadedDefinition(id, definition, DefinitionDigest.of(id, definition));
	}

	private Map<String, TokenStreamLocation> locate(String text) {
		Map<String, TokenStreamLocation> locations = new HashMap<>();
		try (JsonParser parser = this.yaml.createParser(text)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY && token != JsonToken.PROPERTY_NAME) {
					locations.putIfAbsent(parser.streamReadContext().pathAsPointer().toString(),
							parser.currentTokenLocation());
				}
			}
		}
		return locations;
	}

	private DefinitionProblem at(JacksonException ex, String message, String text) {
		String path = "/" + String.join("/", ex.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : Integer.toString(ref.getIndex()))
			.toList());
		TokenStreamLocation location = ex.getLocation();
		try {
			TokenStreamLocation exact = locate(text).get(path);
			if (exact != null) {
				location = exact;
			}
		}
		catch (JacksonException unreadable) {
			// keep the parser's own location
		}
		return new DefinitionProblem((location != null) ? location.getLineNr() : 0,
				(location != null) ? location.getColumnNr() : 0, path, message);
	}

	private static InvalidProjectDefinitionException invalid(String source, DefinitionProblem problem) {
		return invalid(source, List.of(problem));
	}

	private static InvalidProjectDefinitionException invalid(String source, List<DefinitionProblem> problems) {
		return new InvalidProjectDefinitionException(source, problems);
	}

	private static final class Checker {

		private final Map<String, TokenStreamLocation> locations;

		private final List<DefinitionProblem> problems = new ArrayList<>();

		Checker(Map<String, TokenStreamLocation> locations) {
			this.locations = locations;
		}

		@Nullable ProjectId projectId(@Nullable String id, @Nullable ProjectId expected) {
			if (id == null) {
				if (expected == null) {
					problem("/id", "is required");
				}
				return expected;
			}
			ProjectId parsed = value("/id", () -> ProjectId.of(id));
			if (parsed != null && expected != null && !parsed.equals(expected)) {
				problem("/id", "is '" + id + "' but the definition is for '" + expected.value() + "'");
			}
			return parsed;
		}

		@Nullable ProjectDefinition definition(ProjectDocument document) {
			String name = required("/name", document.name());
			String owner = required("/owner", document.owner());
			String region = required("/region", document.region());
			required("/periodStart", document.periodStart());
			required("/periodEnd", document.periodEnd());
			if (document.periodStart() != null && document.periodEnd() != null
					&& !document.periodEnd().isAfter(document.periodStart())) {
				problem("/periodEnd", "must be after periodStart");
			}
			List<SiteDefinition> sites = sites(document.sites());
			List<TargetGroupDefinition> targetGroups = targetGroups(document.targetGroups());
			List<ResponsibleActorDefinition> actors = actors(document.responsibleActors());
			ProjectSettings settings = settings(document.settings());
			List<GoalDefinition> goals = goals(document.goals());
			if (!this.problems.isEmpty() || settings == null) {
				return null;
			}
			return new ProjectDefinition(name, document.periodStart(), document.periodEnd(), owner, region, sites,
					targetGroups, actors, settings, goals);
		}

		private List<SiteDefinition> sites(@Nullable List<SiteDocument> documents) {
			if (documents == null || documents.isEmpty()) {
				problem("/sites", "at least one site is required");
				return List.of();
			}
			List<SiteDefinition> sites = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			for (int i = 0; i < documents.size(); i++) {
				String at = "/sites/" + i;
				SiteDocument site = documents.get(i);
				String id = required(at + "/id", site.id());
				String name = required(at + "/name", site.name());
				unique(ids, id, at + "/id");
				List<MunicipalityCode> municipalities = new ArrayList<>();
				List<String> codes = (site.municipalities() != null) ? site.municipalities() : List.of();
				for (int m = 0; m < codes.size(); m++) {
					String code = codes.get(m);
					MunicipalityCode parsed = value(at + "/municipalities/" + m, () -> MunicipalityCode.of(code));
					if (parsed != null) {
						municipalities.add(parsed);
					}
				}
				SiteId siteId = (id != null) ? value(at + "/id", () -> SiteId.of(id)) : null;
				if (siteId != null && name != null) {
					sites.add(new SiteDefinition(siteId, name, municipalities));
				}
			}
			return sites;
		}

		private List<TargetGroupDefinition> targetGroups(@Nullable List<TargetGroupDocument> documents) {
			List<TargetGroupDefinition> groups = new ArrayList<>();
			Set<String> keys = new HashSet<>();
			forEach(documents, "/targetGroups", (at, i) -> {
				TargetGroupDocument group = documents.get(i);
				String key = required(at + "/key", group.key());
				String name = required(at + "/name", group.name());
				unique(keys, key, at + "/key");
				if (key != null && name != null) {
					groups.add(new TargetGroupDefinition(key, name));
				}
			});
			return groups;
		}

		private List<ResponsibleActorDefinition> actors(@Nullable List<ActorDocument> documents) {
			List<ResponsibleActorDefinition> actors = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			forEach(documents, "/responsibleActors", (at, i) -> {
				ActorDocument actor = documents.get(i);
				String id = required(at + "/id", actor.id());
				String kind = required(at + "/kind", actor.kind());
				String name = required(at + "/name", actor.name());
				unique(ids, id, at + "/id");
				ActorKind parsedKind = (kind != null) ? value(at + "/kind",
						() -> ActorKind.valueOf(kind.trim().toUpperCase(Locale.ROOT).replace('-', '_'))) : null;
				ActorId actorId = (id != null) ? value(at + "/id", () -> ActorId.of(id)) : null;
				if (actorId != null && parsedKind != null && name != null) {
					actors.add(new ResponsibleActorDefinition(actorId, parsedKind, name));
				}
			});
			return actors;
		}

		private @Nullable ProjectSettings settings(@Nullable SettingsDocument document) {
			if (document == null) {
				return ProjectSettings.defaults();
			}
			ProjectSettings defaults = ProjectSettings.defaults();
			int planDueDays = (document.planDueDays() != null) ? document.planDueDays() : defaults.planDueDays();
			List<Integer> followUps = (document.postExitFollowUpDays() != null) ? document.postExitFollowUpDays()
					: defaults.postExitFollowUpDays();
			int window = (document.postExitFollowUpWindowDays() != null) ? document.postExitFollowUpWindowDays()
					: defaults.postExitFollowUpWindowDays();
			if (planDueDays < 1) {
				problem("/settings/planDueDays", "must be at least 1");
			}
			for (int i = 0; i < followUps.size(); i++) {
				if (followUps.get(i) == null || followUps.get(i) < 1) {
					problem("/settings/postExitFollowUpDays/" + i, "must be at least 1");
				}
			}
			if (window < 0) {
				problem("/settings/postExitFollowUpWindowDays", "must not be negative");
			}
			return value("/settings", () -> new ProjectSettings(planDueDays, followUps, window));
		}

		private List<GoalDefinition> goals(@Nullable List<GoalDocument> documents) {
			List<GoalDefinition> goals = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			forEach(documents, "/goals", (at, i) -> {
				GoalDocument goal = documents.get(i);
				String id = required(at + "/id", goal.id());
				String title = required(at + "/title", goal.title());
				String kind = required(at + "/kind", goal.kind());
				unique(ids, id, at + "/id");
				if (id != null && title != null && kind != null) {
					goals.add(new GoalDefinition(id, title, kind, (goal.spec() != null) ? goal.spec() : Map.of()));
				}
			});
			return goals;
		}

		private <T> void forEach(@Nullable List<T> documents, String path,
				java.util.function.BiConsumer<String, Integer> check) {
			if (documents != null) {
				for (int i = 0; i < documents.size(); i++) {
					check.accept(path + "/" + i, i);
				}
			}
		}

		private void unique(Set<String> seen, @Nullable String value, String path) {
			if (value != null && !seen.add(value)) {
				problem(path, "'" + value + "' is used twice");
			}
		}

		private <T> @Nullable T required(String path, @Nullable T value) {
			if (value == null || (value instanceof String text && text.isBlank())) {
				problem(path, "is required");
				return null;
			}
			return value;
		}

		private <T> @Nullable T value(String path, java.util.function.Supplier<T> parse) {
			try {
				return parse.get();
			}
			catch (IllegalArgumentException ex) {
				problem(path, ex.getMessage());
				return null;
			}
		}

		private void problem(String path, String message) {
			TokenStreamLocation location = locate(path);
			this.problems.add(new DefinitionProblem((location != null) ? location.getLineNr() : 0,
					(location != null) ? location.getColumnNr() : 0, path, message));
		}

		private @Nullable TokenStreamLocation locate(String path) {
			String current = path;
			while (true) {
				TokenStreamLocation location = this.locations.get(current);
				if (location != null || current.isEmpty()) {
					return location;
				}
				current = current.substring(0, current.lastIndexOf('/'));
			}
		}

	}

}
