package com.insprl.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stand-in's JSON, with Jackson: the little its replies need, and the fields of the
 * requests it receives, as a form or as JSON.
 */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static String object(Map<String, List<String>> fields) {
		return MAPPER.writeValueAsString(fields);
	}

	static String string(String text) {
		return MAPPER.writeValueAsString(text);
	}

	/**
	 * Return the fields of a request's body, in order: a form's, or a JSON object's (a
	 * value that is not a string or a number as its JSON text).
	 * @param body the body
	 * @param contentType the body's content type
	 * @return the fields, empty if the body is neither
	 */
	static Map<String, String> fields(String body, @Nullable String contentType) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (contentType != null && contentType.startsWith("application/json")) {
			try {
				JsonNode root = MAPPER.readTree(body);
				root.properties()
					.forEach((field) -> fields.put(field.getKey(), field.getValue().isValueNode()
							? field.getValue().asString() : field.getValue().toString()));
			}
			catch (RuntimeException ex) {
				// not JSON: no fields
			}
			return fields;
		}
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return fields;
	}

}
