package com.insprl.client.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Encodes an operation's fields, {@code client_id} first, as a form (with the JDK's
 * {@link URLEncoder}, as Spring's {@code FormHttpMessageConverter} encodes one) or as
 * JSON.
 */
public final class RequestBodies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RequestBodies() {
	}

	/**
	 * Encode the fields as JSON or as a form.
	 * @param json whether to encode them as JSON
	 * @param clientId the account's CLIENT ID
	 * @param fields strings, sent exactly as given, or numbers
	 * @return the body
	 * @throws IllegalArgumentException if a field is neither a string nor a number
	 */
	public static byte[] encode(boolean json, String clientId, Map<String, ?> fields) {
		fields.forEach((name, value) -> Assert.isTrue(value instanceof String || value instanceof Number,
				() -> "field '" + name + "' must be a string or a number"));
		return json ? json(clientId, fields) : form(clientId, fields);
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

	/**
	 * Append a field as {@code URLEncoder} encodes it in UTF-8, a lone surrogate sent as
	 * {@code ?} on every JDK, as {@code String.getBytes} has it (on Java 25,
	 * {@code URLEncoder} drops a trailing one).
	 * @param form the form so far
	 * @param name the field's name
	 * @param value the field's value
	 */
	private static void appendField(StringBuilder form, String name, String value) {
		if (!form.isEmpty()) {
			form.append('&');
		}
		form.append(encode(name)).append('=').append(encode(value));
	}

	private static String encode(String text) {
		return URLEncoder.encode(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
				StandardCharsets.UTF_8);
	}

}
