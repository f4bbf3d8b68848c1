package se.kedja.cases.participant.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import se.kedja.cases.participant.command.EnrolParticipant;
import se.kedja.cases.personaldata.PersonalData;
import se.kedja.cases.personaldata.PersonalDataStore;
import se.kedja.cases.personaldata.Personnummer;
import se.kedja.cases.project.query.ProjectCatalog;
import se.kedja.cases.project.query.ProjectView;
import se.kedja.events.ActorId;
import se.kedja.events.CoachId;
import se.kedja.events.MunicipalityCode;
import se.kedja.events.ParticipantId;
import se.kedja.events.ProjectId;
import se.kedja.events.SiteId;
import se.kedja.support.problem.FieldProblem;
import se.kedja.support.problem.ProblemCodes;
import se.kedja.support.problem.ProblemException;

/**
 * Opens a case: the person's data goes to the encrypted store (refused if they already
 * have an open case in the project), the statistics to the enrolment event. Runs in the
 * caller's transaction, so a refusal leaves neither. Public for the bulk import, which
 * enrols the same way with its import id in the command's metadata.
 */
@Component
public class Enrolments {

	private final ProjectCatalog projects;

	private final PersonalDataStore personalData;

	private final CommandGateway commands;

	private final Clock clock;

	Enrolments(ProjectCatalog projects, PersonalDataStore personalData, CommandGateway commands, Clock clock) {
		this.projects = projects;
		this.personalData = personalData;
		this.commands = commands;
		this.clock = clock;
	}

	ParticipantId enrol(String projectId, CaseRequests.Enrol request) {
		return enrol(projectId, request, Map.of());
	}

	/**
	 * Enrols with extra metadata on the command (and so on its event), e.g. an import id.
	 */
	public ParticipantId enrol(String projectId, CaseRequests.Enrol request, Map<String, ?> metadata) {
		ProjectView project = project(projectId);
		SiteId site = SiteId.of(request.siteId());
		if (!project.hasSite(site)) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-site", request.siteId());
		}
		LocalDate today = LocalDate.now(this.clock);
		Personnummer personnummer = Personnummer.parse(request.personnummer(), today)
			.orElseThrow(() -> invalid("personnummer", "invalid-personnummer", "is not a valid personnummer"));
		MunicipalityCode municipality = municipality(request.municipality());
		ParticipantId participant = ParticipantId.random();
		this.personalData.store(participant, project.projectId(), personnummer, new PersonalData(request.name().strip(),
				personnummer.value(), request.email(), request.phone(), request.address()));
		EnrolParticipant command = new EnrolParticipant(participant, project.projectId(), project.terms(), site,
				CoachId.of(request.coachId()), ActorId.of(request.responsibleActor()), request.enrolledOn(),
				request.gender(), personnummer.birthDate().getYear(), municipality, request.targetGroups(),
				request.entrySituations(), request.monthsWithoutWork(), request.isced(), request.disability(),
				request.foreignBackground(), request.consentToStatistics());
		this.commands.sendAndWait(
				metadata.isEmpty() ? command : GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
		return participant;
	}

	private ProjectView project(String projectId) {
		try {
			return this.projects.find(ProjectId.of(projectId))
				.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "unknown-project", projectId));
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "unknown-project", projectId);
		}
	}

	private static MunicipalityCode municipality(String code) {
		try {
			return MunicipalityCode.of(code);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("municipality", "invalid-municipality", "is not a four-digit municipality code");
		}
	}

	static ProblemException invalid(String field, String code, String message) {
		return new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED,
				List.of(new FieldProblem(field, code, message)));
	}

}
