package se.kedja.cases.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import se.kedja.cases.participant.web.CaseCommands;
import se.kedja.cases.participant.web.CaseRequests;
import se.kedja.cases.personaldata.PersonalDataStore;
import se.kedja.cases.personaldata.Personnummer;
import se.kedja.cases.project.query.ProjectView;
import se.kedja.events.ActivityId;
import se.kedja.events.ParticipantId;
import se.kedja.events.TransferId;

/**
 * Reads a line into the request record of its command, validates it as the API would
 * (strict JSON binding, then Bean Validation), and says what to send. The mapping to the
 * command is {@link CaseCommands}, the one the API uses.
 */
@Component
class LineCommands {

	private final JsonMapper json;

	private final Validator validator;

	private final PersonalDataStore personalData;

	private final Clock clock;

	LineCommands(JsonMapper json, Validator validator, PersonalDataStore personalData, Clock clock) {
		this.json = json;
		this.validator = validator;
		this.personalData = personalData;
		this.clock = clock;
	}

	/**
	 * A line ready to send: an enrolment, or a command on a case found by {@code who}.
	 */
	record Prepared(ImportCommand command, String who, CaseRequests.@Nullable Enrol enrolment,
			@Nullable Function<ParticipantId, Object> onCase, String identity) {
	}

	Prepared prepare(ImportLine line, ProjectView project) {
		if (!line.malformed().isEmpty()) {
			throw new LineRejection("", line.malformed(), "import.line." + line.malformed());
		}
		String name = line.text(Columns.COMMAND);
		ImportCommand command = ImportCommand.named(name)
			.orElseThrow(
					() -> new LineRejection(Columns.COMMAND, "unknown-command", "import.line.unknown-command", name));
		String projectId = line.text(Columns.PROJECT);
		if (!projectId.isEmpty() && !projectId.equals(project.projectId().value())) {
			throw new LineRejection(Columns.PROJECT, "other-project", "import.line.other-project", projectId);
		}
		ObjectNode body = line.fields().deepCopy();
		body.remove(Columns.COMMAND);
		body.remove(Columns.PARTICIPANT);
		body.remove(Columns.PROJECT);
		body.remove(Columns.PARTICIPANT_ID);
		String activityId = text(body, "activityId");
		String transferId = text(body, "transferId");
		if (command == ImportCommand.ACTIVITY_COMPLETION) {
			body.remove("activityId");
		}
		if (command == ImportCommand.TRANSFER_ACCEPTANCE || command == ImportCommand.TRANSFER_REJECTION) {
			body.remove("transferId");
		}
		String personnummer = text(body, "personnummer");
		if (command != ImportCommand.ENROL) {
			body.remove("personnummer");
		}
		if (line.tabular()) {
			for (java.lang.reflect.RecordComponent component : command.request().getRecordComponents()) {
				if (java.util.List.class.isAssignableFrom(component.getType()) && !body.has(component.getName())) {
					body.putArray(component.getName());
				}
			}
		}
		Record request = bind(body, command.request());
		validate(request);
		String who = subject(line, command, personnummer);
		String identity = identity(project.projectId().value(), who, command, line);
		return switch (command) {
			case ENROL -> new Prepared(command, who, (CaseRequests.Enrol) request, null, identity);
			case PLAN -> onCase(command, who, identity, (p) -> CaseCommands.plan(p, (CaseRequests.Plan) request));
			case ACTIVITY -> {
				CaseRequests.Activity activity = (CaseRequests.Activity) request;
				ActivityId id = new ActivityId(
						(activity.activityId() != null) ? activity.activityId() : UUID.randomUUID());
				yield onCase(command, who, identity, (p) -> CaseCommands.activity(p, id, activity));
			}
			case ACTIVITY_COMPLETION -> {
				ActivityId id = new ActivityId(uuid("activityId", activityId));
				yield onCase(command, who, identity,
						(p) -> CaseCommands.activityCompletion(p, id, (CaseRequests.ActivityCompletion) request));
			}
			case FOLLOW_UP ->
				onCase(command, who, identity, (p) -> CaseCommands.followUp(p, (CaseRequests.FollowUp) request));
			case REFERRAL ->
				onCase(command, who, identity, (p) -> CaseCommands.referral(p, (CaseRequests.Referral) request));
			case TRANSFER -> {
				CaseRequests.Transfer transfer = (CaseRequests.Transfer) request;
				TransferId id = new TransferId(
						(transfer.transferId() != null) ? transfer.transferId() : UUID.randomUUID());
				yield onCase(command, who, identity, (p) -> CaseCommands.transfer(p, id, transfer));
			}
			case TRANSFER_ACCEPTANCE -> {
				TransferId id = new TransferId(uuid("transferId", transferId));
				yield onCase(command, who, identity,
						(p) -> CaseCommands.transferAcceptance(p, id, (CaseRequests.TransferAcceptance) request));
			}
			case TRANSFER_REJECTION -> {
				TransferId id = new TransferId(uuid("transferId", transferId));
				yield onCase(command, who, identity,
						(p) -> CaseCommands.transferRejection(p, id, (CaseRequests.TransferRejection) request));
			}
			case CONSENT ->
				onCase(command, who, identity, (p) -> CaseCommands.consent(p, (CaseRequests.Consent) request));
			case CONSENT_WITHDRAWAL -> onCase(command, who, identity,
					(p) -> CaseCommands.consentWithdrawal(p, (CaseRequests.ConsentWithdrawal) request));
			case PAUSE -> onCase(command, who, identity, (p) -> CaseCommands.pause(p, (CaseRequests.Pause) request));
			case RESUMPTION ->
				onCase(command, who, identity, (p) -> CaseCommands.resumption(p, (CaseRequests.Resumption) request));
			case EXIT -> onCase(command, who, identity,
					(p) -> CaseCommands.exit(p, (CaseRequests.Exit) request, project.definition().settings()));
			case POST_EXIT_FOLLOW_UP -> onCase(command, who, identity,
					(p) -> CaseCommands.postExitFollowUp(p, (CaseRequests.PostExitFollowUp) request));
			case SURVEY_ANSWER -> onCase(command, who, identity,
					(p) -> CaseCommands.surveyAnswer(p, (CaseRequests.SurveyAnswer) request));
		};
	}

	/** The person as the line names them, for finding their case. */
	static String who(ImportLine line) {
		String reference = line.text(Columns.PARTICIPANT);
		if (!reference.isEmpty()) {
			return "ref:" + reference;
		}
		String id = line.text(Columns.PARTICIPANT_ID);
		if (!id.isEmpty()) {
			return "id:" + id;
		}
		String personnummer = line.text("personnummer");
		return personnummer.isEmpty() ? "" : "pnr:" + personnummer;
	}

	private static Prepared onCase(ImportCommand command, String who, String identity,
			Function<ParticipantId, Object> send) {
		return new Prepared(command, who, null, send, identity);
	}

	private Record bind(ObjectNode body, Class<? extends Record> type) {
		ObjectReader reader = this.json.readerFor(type)
			.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
					DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		try {
			return reader.readValue(body);
		}
		catch (UnrecognizedPropertyException ex) {
			throw new LineRejection(path(ex), "unknown-field", "field.unknown-field");
		}
		catch (DatabindException ex) {
			throw new LineRejection(path(ex), "invalid-value", "field.invalid-value");
		}
	}

	private void validate(Record request) {
		Set<ConstraintViolation<Record>> violations = this.validator.validate(request);
		violations.stream().min(Comparator.comparing((v) -> v.getPropertyPath().toString())).ifPresent((v) -> {
			String code = kebab(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName());
			throw new LineRejection(v.getPropertyPath().toString(), code, "field." + code);
		});
	}

	/**
	 * Whom the line is about, stably: the keyed hash of their personnummer if it has one.
	 */
	private String subject(ImportLine line, ImportCommand command, String personnummer) {
		if (!personnummer.isEmpty()) {
			Personnummer parsed = Personnummer.parse(personnummer, LocalDate.now(this.clock))
				.orElseThrow(
						() -> new LineRejection("personnummer", "invalid-personnummer", "field.invalid-personnummer"));
			return "hmac:" + HexFormat.of().formatHex(this.personalData.fingerprint(parsed));
		}
		String who = who(line);
		if (who.isEmpty()) {
			throw new LineRejection(Columns.PARTICIPANT, "unknown-participant", "import.line.no-participant");
		}
		return who;
	}

	private String identity(String projectId, String who, ImportCommand command, ImportLine line) {
		return sha256(projectId + "\n" + who + "\n" + command.wireName() + "\n" + line.text(command.dateField()) + "\n"
				+ sha256(canonical(line.fields())));
	}

	private static String canonical(JsonNode node) {
		if (node.isObject()) {
			Map<String, String> sorted = new TreeMap<>();
			for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext();) {
				Map.Entry<String, JsonNode> entry = it.next();
				sorted.put(entry.getKey(), canonical(entry.getValue()));
			}
			return sorted.entrySet()
				.stream()
				.map((e) -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining(",", "{", "}"));
		}
		if (node.isArray()) {
			StringBuilder items = new StringBuilder("[");
			node.forEach((item) -> items.append(canonical(item)).append(','));
			return items.append(']').toString();
		}
		return node.asString("");
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static UUID uuid(String column, String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new LineRejection(column, "invalid-value", "field.invalid-value");
		}
	}

	private static String text(ObjectNode body, String field) {
		return body.path(field).asString("").strip();
	}

	private static String path(DatabindException ex) {
		return ex.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."));
	}

	private static String kebab(String name) {
		return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

}
