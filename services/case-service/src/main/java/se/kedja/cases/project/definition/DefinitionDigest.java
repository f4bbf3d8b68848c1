package se.kedja.cases.project.definition;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import se.kedja.events.ProjectId;
import se.kedja.events.projects.ProjectDefinition;

/**
 * The SHA-256 of a definition's canonical JSON: equal for equal content, whatever the
 * file's layout or comments, so a loader revises a project only when it really changed.
 */
public final class DefinitionDigest {

	private static final JsonMapper CANONICAL = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private DefinitionDigest() {
	}

	public static String of(ProjectId id, ProjectDefinition definition) {
		try {
			byte[] bytes = CANONICAL.writeValueAsBytes(Map.of("id", id.value(), "definition", definition));
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
