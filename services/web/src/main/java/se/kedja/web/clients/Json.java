package se.kedja.web.clients;

import tools.jackson.databind.JsonNode;

/**
 * Reading the services' JSON where a typed id may come as {@code "x"} or
 * {@code {"value":"x"}}.
 */
public final class Json {

	private Json() {
	}

	public static String text(JsonNode node) {
		if (node.isObject() && node.has("value")) {
			return node.path("value").asString("");
		}
		return node.isValueNode() ? node.asString("") : "";
	}

}
