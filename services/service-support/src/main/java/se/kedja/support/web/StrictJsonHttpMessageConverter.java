package se.kedja.support.web;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * Reads request bodies strictly: an unknown field, a number where an object belongs, or
 * trailing content is a client error, not something to ignore.
 */
public class StrictJsonHttpMessageConverter extends JacksonJsonHttpMessageConverter {

	public StrictJsonHttpMessageConverter(JsonMapper mapper) {
		super(mapper.rebuild());
	}

	@Override
	protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
		return reader.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
				DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

}
