package se.kedja.cases.project;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.kedja.cases.project.command.DefineProject;
import se.kedja.cases.project.command.ReviseProject;
import se.kedja.events.ActorId;
import se.kedja.events.ActorKind;
import se.kedja.events.MunicipalityCode;
import se.kedja.events.ProjectId;
import se.kedja.events.SiteId;
import se.kedja.events.projects.GoalDefinition;
import se.kedja.events.projects.ProjectDefined;
import se.kedja.events.projects.ProjectDefinition;
import se.kedja.events.projects.ProjectRevised;
import se.kedja.events.projects.ProjectSettings;
import se.kedja.events.projects.ResponsibleActorDefinition;
import se.kedja.events.projects.SiteDefinition;
import se.kedja.events.projects.TargetGroupDefinition;

class ProjectAggregateTest {

	private static final ProjectId SESAM = ProjectId.of("sesam");

	private static final SiteDefinition OSTERSUND = new SiteDefinition(SiteId.of("ostersund"), "Östersund",
			List.of(MunicipalityCode.of("2380")));

	private static final SiteDefinition HARNOSAND = new SiteDefinition(SiteId.of("harnosand"), "Härnösand",
			List.of(MunicipalityCode.of("2280")));

	private static final ProjectDefinition FIRST = definition(List.of(OSTERSUND), LocalDate.of(2012, 6, 30));

	private static final ProjectDefinition SECOND = definition(List.of(OSTERSUND, HARNOSAND),
			LocalDate.of(2012, 6, 30));

	private AggregateTestFixture<Project> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(Project.class);
	}

	@Test
	void a_project_is_defined() {
		this.fixture.givenNoPriorActivity()
			.when(new DefineProject(SESAM, FIRST))
			.expectEvents(new ProjectDefined(SESAM, FIRST));
	}

	@Test
	void a_project_cannot_be_defined_twice() {
		this.fixture.given(new ProjectDefined(SESAM, FIRST))
			.when(new DefineProject(SESAM, SECOND))
			.expectException(refusedWith(ProjectError.PROJECT_ALREADY_DEFINED))
			.expectNoEvents();
	}

	@Test
	void the_first_revision_is_number_two() {
		this.fixture.given(new ProjectDefined(SESAM, FIRST))
			.when(new ReviseProject(SESAM, SECOND))
			.expectEvents(new ProjectRevised(SESAM, 2, SECOND));
	}

	@Test
	void each_revision_counts_up() {
		this.fixture.given(new ProjectDefined(SESAM, FIRST), new ProjectRevised(SESAM, 2, SECOND))
			.when(new ReviseProject(SESAM, FIRST))
			.expectEvents(new ProjectRevised(SESAM, 3, FIRST));
	}

	@Test
	void revising_to_the_definition_in_force_records_nothing() {
		this.fixture.given(new ProjectDefined(SESAM, FIRST))
			.when(new ReviseProject(SESAM, FIRST))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_definition_read_back_with_other_number_types_counts_as_unchanged() {
		this.fixture.given(new ProjectDefined(SESAM, withGoalTarget(180)))
			.when(new ReviseProject(SESAM, withGoalTarget(180L)))
			.expectNoEvents();
	}

	@Test
	void a_project_that_was_never_defined_cannot_be_revised() {
		this.fixture.givenNoPriorActivity()
			.when(new ReviseProject(SESAM, FIRST))
			.expectException(AggregateNotFoundException.class);
	}

	@Test
	void a_period_that_ends_before_it_starts_is_refused() {
		this.fixture.givenNoPriorActivity()
			.when(new DefineProject(SESAM, definition(List.of(OSTERSUND), LocalDate.of(2009, 6, 30))))
			.expectException(refusedWith(ProjectError.PERIOD_ENDS_BEFORE_START));
	}

	@Test
	void two_sites_with_the_same_id_are_refused() {
		this.fixture.given(new ProjectDefined(SESAM, FIRST))
			.when(new ReviseProject(SESAM, definition(List.of(OSTERSUND, OSTERSUND), LocalDate.of(2012, 6, 30))))
			.expectException(refusedWith(ProjectError.DUPLICATE_SITE));
	}

	@Test
	void two_goals_with_the_same_id_are_refused() {
		GoalDefinition goal = new GoalDefinition("plans", "Plan för alla", "share", Map.of("target", 1));
		ProjectDefinition twice = new ProjectDefinition(FIRST.name(), FIRST.periodStart(), FIRST.periodEnd(),
				FIRST.owner(), FIRST.region(), FIRST.sites(), FIRST.targetGroups(), FIRST.responsibleActors(),
				FIRST.settings(), List.of(goal, goal));
		this.fixture.givenNoPriorActivity()
			.when(new DefineProject(SESAM, twice))
			.expectException(refusedWith(ProjectError.DUPLICATE_GOAL));
	}

	private static ProjectDefinition definition(List<SiteDefinition> sites, LocalDate periodEnd) {
		return new ProjectDefinition("SESAM", LocalDate.of(2009, 7, 1), periodEnd, "Arbetsförmedlingen",
				"Jämtland och Västernorrland", sites, List.of(new TargetGroupDefinition("fas3", "Deltagare i Fas 3")),
				List.of(new ResponsibleActorDefinition(ActorId.of("af-ostersund"), ActorKind.PUBLIC_EMPLOYMENT_SERVICE,
						"Arbetsförmedlingen Östersund")),
				ProjectSettings.defaults(), List.of());
	}

	private static ProjectDefinition withGoalTarget(Object target) {
		return new ProjectDefinition(FIRST.name(), FIRST.periodStart(), FIRST.periodEnd(), FIRST.owner(),
				FIRST.region(), FIRST.sites(), FIRST.targetGroups(), FIRST.responsibleActors(), FIRST.settings(),
				List.of(new GoalDefinition("participants", "Deltagare", "count", Map.of("target", target))));
	}

	private static Matcher<ProjectRuleViolation> refusedWith(ProjectError error) {
		return new CustomTypeSafeMatcher<>("a refusal with " + error) {
			@Override
			protected boolean matchesSafely(ProjectRuleViolation refusal) {
				return refusal.error() == error;
			}
		};
	}

}
