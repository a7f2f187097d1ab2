package com.insprl.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import org.springframework.http.HttpHeaders;

/**
 * Turns an insprl reply (status, headers, body) into an {@link InsprlReply} or the
 * {@link InsprlException} it stands for. The body is decoded on every HTTP status: insprl
 * answers some errors with HTTP 200 and a code, others with an HTTP error status.
 * <p>
 * Everything insprl sent is masked before anything is made of it: the decoded JSON tree
 * (so results, API messages and field errors) and any excerpt of a body that is not JSON
 * hold no run of the client key, wherever they are later cut.
 */
final class ReplyDecoder {

	static final int SUCCESS = 100;

	static final int AUTHENTICATION_ERROR = 101;

	static final int VALIDATION_ERROR = 102;

	static final int ACCOUNT_RESTRICTED = 103;

	static final int INSUFFICIENT_BALANCE = 104;

	static final int SERVER_ERROR = 105;

	static final int USAGE_LIMIT_EXCEEDED = 129;

	private static final int EXCERPT_LENGTH = 120;

	private static final int MESSAGE_LENGTH = 500;

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final InsprlCredentials credentials;

	ReplyDecoder(InsprlCredentials credentials) {
		this.credentials = credentials;
	}

	InsprlReply decode(InsprlOperation operation, int status, HttpHeaders headers, byte[] body) {
		if (status >= 300 && status < 400) {
			throw redirected(operation, status, headers);
		}
		boolean ok = status >= 200 && status < 300;
		JsonNode root = null;
		JacksonException parseFailure = null;
		if (body.length > 0) {
			try {
				root = redact(jsonMapper.readTree(body));
			}
			catch (JacksonException ex) {
				parseFailure = ex;
			}
		}
		if (root == null || !root.isObject()) {
			if (ok) {
				throw unusableReply(operation, status, headers, body, parseFailure);
			}
			throw apiException(operation, status, headers, null, Collections.emptyList(), Collections.emptyMap(),
					describeBody(headers, body));
		}
		Integer code = code(root.get("code"));
		if (ok && code == null) {
			throw new InsprlConnectionException(
					message("insprl's reply to " + operation.name() + " has no usable code (HTTP " + status
							+ "; a code is ASCII digits, as a string or a number)", null),
					operation.name(), InsprlConnectionException.Reason.MALFORMED_REPLY, null);
		}
		if (ok && code == SUCCESS) {
			return new InsprlReply(status, code, root);
		}
		JsonNode message = root.get("message");
		JsonNode errors = root.get("errors");
		List<String> apiMessages = new ArrayList<>(messages(message));
		apiMessages.addAll(messages(errors));
		Map<String, List<String>> fieldErrors = fieldErrors(errors);
		if (fieldErrors.isEmpty()) {
			fieldErrors = fieldErrors(message);
		}
		throw apiException(operation, status, headers, code, apiMessages, fieldErrors, null);
	}

	/**
	 * Return the tree with every text in it, names and values, masked; the same tree when
	 * nothing needed masking.
	 * @param node a node of the reply
	 * @return the node masked
	 */
	private JsonNode redact(JsonNode node) {
		if (node.isString()) {
			String text = node.asString();
			String masked = this.credentials.redact(text);
			return (masked == text) ? node : StringNode.valueOf(masked);
		}
		if (node.isArray()) {
			ArrayNode copy = null;
			int i = 0;
			for (JsonNode element : node.values()) {
				JsonNode redacted = redact(element);
				if (redacted != element && copy == null) {
					copy = ((ArrayNode) node).deepCopy();
				}
				if (copy != null) {
					copy.set(i, redacted);
				}
				i++;
			}
			return (copy != null) ? copy : node;
		}
		if (node.isObject()) {
			ObjectNode copy = null;
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String name = this.credentials.redact(field.getKey());
				JsonNode value = redact(field.getValue());
				if ((name != field.getKey() || value != field.getValue()) && copy == null) {
					copy = JsonNodeFactory.instance.objectNode();
					for (Map.Entry<String, JsonNode> before : node.properties()) {
						if (before.getKey().equals(field.getKey())) {
							break;
						}
						copy.set(before.getKey(), before.getValue());
					}
				}
				if (copy != null) {
					copy.set(name, value);
				}
			}
			return (copy != null) ? copy : node;
		}
		return node;
	}

	private InsprlConnectionException redirected(InsprlOperation operation, int status, HttpHeaders headers) {
		String location = headers.getFirst(HttpHeaders.LOCATION);
		String where;
		if (location == null) {
			where = "without saying where";
		}
		else {
			String host = hostOf(location);
			where = (host != null) ? "to host '" + this.credentials.redact(host) + "'" : "to the same host";
		}
		return new InsprlConnectionException(
				message("insprl redirected " + operation.name() + " " + where + " (HTTP " + status
						+ "); redirects are not followed, so that the client key never reaches another host: "
						+ "check insprl.base-url", null),
				operation.name(), InsprlConnectionException.Reason.REDIRECTED, null);
	}

	private static String hostOf(String location) {
		try {
			return URI.create(location.trim()).getHost();
		}
		catch (IllegalArgumentException ex) {
			return "(an unreadable location)";
		}
	}

	private InsprlConnectionException unusableReply(InsprlOperation operation, int status, HttpHeaders headers,
			byte[] body, JacksonException parseFailure) {
		if (body.length == 0) {
			return new InsprlConnectionException(
					"insprl sent an empty reply to " + operation.name() + " (HTTP " + status + ")", operation.name(),
					InsprlConnectionException.Reason.EMPTY_REPLY, null);
		}
		// The parse failure's own message quotes the body, so it is not kept as the
		// cause.
		String what = (parseFailure != null) ? "is not JSON" : "is not a JSON object";
		return new InsprlConnectionException(
				message("insprl's reply to " + operation.name() + " " + what + " (HTTP " + status + ", "
						+ describeBody(headers, body) + ")", null),
				operation.name(), InsprlConnectionException.Reason.MALFORMED_REPLY, null);
	}

	private InsprlApiException apiException(InsprlOperation operation, int status, HttpHeaders headers, Integer code,
			List<String> apiMessages, Map<String, List<String>> fieldErrors, String bodyDescription) {
		String name = operation.name();
		String where = (code != null) ? "(code " + code + ", HTTP " + status + ")" : "(HTTP " + status + ")";
		String details = (bodyDescription != null) ? bodyDescription : String.join("; ", apiMessages);
		if (isCode(code, AUTHENTICATION_ERROR) || status == 401) {
			return new InsprlAuthenticationException(
					message("insprl rejected the credentials for " + name + " " + where
							+ "; check insprl.client-id and insprl.client-key", details),
					name, status, code, apiMessages);
		}
		if (isCode(code, VALIDATION_ERROR) || status == 422) {
			return new InsprlValidationException(
					message("insprl rejected the parameters of " + name + " " + where, details), name, status, code,
					apiMessages, fieldErrors);
		}
		if (isCode(code, USAGE_LIMIT_EXCEEDED) || status == 429) {
			Duration retryAfter = retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER));
			String wait = (retryAfter != null) ? "; retry after " + retryAfter.toSeconds() + "s" : "";
			return new InsprlRateLimitException(
					message("insprl usage limit reached for " + name + " " + where + wait, details), name, status, code,
					apiMessages, retryAfter);
		}
		String meaning = meaning(code);
		String headline = (meaning != null) ? "insprl refused " + name + ": " + meaning + " " + where
				: "insprl answered " + name + " without success " + where;
		return new InsprlApiException(message(headline, details), name, status, code, apiMessages);
	}

	private static String meaning(Integer code) {
		if (code == null) {
			return null;
		}
		return switch (code) {
			case ACCOUNT_RESTRICTED -> "the account is restricted; contact insprl support";
			case INSUFFICIENT_BALANCE -> "the wallet balance is insufficient; top up the insprl wallet";
			case SERVER_ERROR -> "insprl reported a server error";
			case SUCCESS -> "the reply said success with an HTTP error status";
			default -> null;
		};
	}

	private static boolean isCode(Integer code, int expected) {
		return code != null && code == expected;
	}

	/**
	 * Join a headline and insprl's own words with the key masked, then cut: masking
	 * first, so that no part of the key survives at the cut. The headline is the client's
	 * own text, never masked (a key that shares six letters with a word of it must not
	 * garble it); a space parts it from the words, and no key holds a space.
	 * @param headline the client's own text
	 * @param details insprl's words, may be {@code null}
	 * @return the message
	 */
	private String message(String headline, String details) {
		String text = (details == null || details.isEmpty()) ? headline
				: headline + ": " + this.credentials.redact(details);
		return truncate(text, MESSAGE_LENGTH);
	}

	private String describeBody(HttpHeaders headers, byte[] body) {
		String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		String type = (contentType != null) ? this.credentials.redact(contentType) : "no content type";
		if (body.length == 0) {
			return type + ", empty body";
		}
		return type + ", body starts '" + excerpt(body) + "'";
	}

	private String excerpt(byte[] body) {
		int length = Math.min(body.length, EXCERPT_LENGTH * 4);
		String text = this.credentials.redact(new String(body, 0, length, StandardCharsets.UTF_8));
		StringBuilder clean = new StringBuilder(EXCERPT_LENGTH);
		boolean space = false;
		for (int i = 0; i < text.length() && clean.length() < EXCERPT_LENGTH; i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c)) {
				space = clean.length() > 0;
				continue;
			}
			if (space) {
				clean.append(' ');
				space = false;
			}
			clean.append(c);
		}
		boolean cut = clean.length() >= EXCERPT_LENGTH || length < body.length;
		return clean + (cut ? "..." : "");
	}

	private static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max) + "...";
	}

	/**
	 * Read an API code strictly: ASCII digits, as a JSON string or an integral JSON
	 * number.
	 * @param node the {@code code} field, may be {@code null}
	 * @return the code, or {@code null} when the field is absent or not such a code
	 */
	static Integer code(JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isIntegralNumber()) {
			return (node.canConvertToInt() && node.intValue() >= 0) ? node.intValue() : null;
		}
		if (node.isString()) {
			String text = node.asString();
			if (text.isEmpty() || text.length() > 9) {
				return null;
			}
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c < '0' || c > '9') {
					return null;
				}
			}
			return Integer.valueOf(text);
		}
		return null;
	}

	/**
	 * Flatten a {@code message} or {@code errors} value to lines of text: a string stays
	 * as it is, an array gives one line per element, an object prefixes each line with
	 * its field name.
	 * @param node the value, may be {@code null}
	 * @return the lines
	 */
	static List<String> messages(JsonNode node) {
		List<String> lines = new ArrayList<>();
		collect(node, null, lines);
		return lines;
	}

	private static void collect(JsonNode node, String prefix, List<String> lines) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return;
		}
		if (node.isArray()) {
			for (JsonNode element : node.values()) {
				collect(element, prefix, lines);
			}
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String name = (prefix != null) ? prefix + "." + field.getKey() : field.getKey();
				collect(field.getValue(), name, lines);
			}
		}
		else {
			String text = node.asString();
			lines.add((prefix != null) ? prefix + ": " + text : text);
		}
	}

	private static Map<String, List<String>> fieldErrors(JsonNode node) {
		if (node == null || !node.isObject()) {
			return Collections.emptyMap();
		}
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			List<String> lines = new ArrayList<>();
			collect(field.getValue(), null, lines);
			errors.put(field.getKey(), List.copyOf(lines));
		}
		return errors;
	}

	/**
	 * Read a {@code Retry-After} header: a number of seconds or an HTTP date.
	 * @param value the header value, may be {@code null}
	 * @return the wait (zero for a date in the past), or {@code null} when unusable
	 */
	static Duration retryAfter(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			long seconds = Long.parseLong(trimmed);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			// not seconds: try an HTTP date
		}
		try {
			Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(Instant.now(), at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
