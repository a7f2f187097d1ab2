package com.insprl.client.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes an operation's fields, {@code client_id} first, as a form or as JSON.
 */
public final class RequestBodies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RequestBodies() {
	}

	/**
	 * Encode the fields as {@code application/x-www-form-urlencoded}.
	 * @param clientId the account's CLIENT ID
	 * @param fields strings, sent exactly as given, or numbers
	 * @return the body
	 */
	public static byte[] form(String clientId, Map<String, ?> fields) {
		StringBuilder form = new StringBuilder(64);
		appendField(form, "client_id", clientId);
		fields.forEach((name, value) -> appendField(form, name, String.valueOf(value)));
		return form.toString().getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Encode the fields as a JSON object.
	 * @param clientId the account's CLIENT ID
	 * @param fields strings or numbers
	 * @return the body
	 */
	public static byte[] json(String clientId, Map<String, ?> fields) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("client_id", clientId);
		json.putAll(fields);
		return JSON.writeValueAsBytes(json);
	}

	private static void appendField(StringBuilder form, String name, String value) {
		if (!form.isEmpty()) {
			form.append('&');
		}
		form.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
	}

}
