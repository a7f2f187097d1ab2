package com.insprl.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes an operation's fields, {@code client_id} first, as a form or as JSON.
 */
public final class RequestBodies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

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

	/**
	 * Append a field as {@code URLEncoder} encodes it in UTF-8 ({@code a-z}, {@code A-Z},
	 * {@code 0-9} and {@code .-*_} as they are, a space as {@code +}, every other
	 * character as the percent-encoded bytes of its UTF-8 form), without the two buffers
	 * {@code URLEncoder} allocates for every string.
	 * @param form the form so far
	 * @param name the field's name
	 * @param value the field's value
	 */
	private static void appendField(StringBuilder form, String name, String value) {
		if (!form.isEmpty()) {
			form.append('&');
		}
		encode(form, name);
		form.append('=');
		encode(form, value);
	}

	private static void encode(StringBuilder form, String text) {
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (isUnreserved(c)) {
				form.append(c);
				i++;
			}
			else if (c == ' ') {
				form.append('+');
				i++;
			}
			else {
				int end = i + 1;
				while (end < text.length() && !isUnreserved(text.charAt(end)) && text.charAt(end) != ' ') {
					end++;
				}
				for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
					form.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
				}
				i = end;
			}
		}
	}

	private static boolean isUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
				|| c == '*' || c == '_';
	}

}
