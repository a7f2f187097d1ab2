package com.insprl.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.insprl.client.internal.Excerpts;
import com.insprl.client.internal.ReplyJson;
import com.insprl.client.internal.RetryAfter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

/**
 * Turns an insprl reply (status, headers, body) into an {@link InsprlClient.Reply} or the
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

	private static final int MESSAGE_LENGTH = 500;

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final UnaryOperator<String> mask;

	ReplyDecoder(InsprlCredentials credentials) {
		this.mask = (text) -> credentials.redact(text);
	}

	InsprlClient.Reply decode(InsprlClient.Operation operation, int status, HttpHeaders headers, byte[] body) {
		if (status >= 300 && status < 400) {
			throw redirected(operation, status, headers);
		}
		boolean ok = status >= 200 && status < 300;
		JsonNode root = null;
		JacksonException parseFailure = null;
		if (body.length > 0) {
			try {
				root = ReplyJson.redact(jsonMapper.readTree(body), this.mask);
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
					describeBody(headers, body), null);
		}
		Integer code = ReplyJson.code(root.get("code"));
		if (ok && code == null) {
			throw new InsprlConnectionException(
					message("insprl's reply to " + operation.name() + " has no usable code (HTTP " + status
							+ "; a code is ASCII digits, as a string or a number)", null),
					operation.name(), InsprlConnectionException.Reason.MALFORMED_REPLY, null);
		}
		if (ok && isCode(code, SUCCESS)) {
			return new InsprlClient.Reply(status, SUCCESS, root);
		}
		JsonNode message = root.get("message");
		JsonNode errors = root.get("errors");
		List<String> apiMessages = new ArrayList<>(ReplyJson.messages(message));
		apiMessages.addAll(ReplyJson.messages(errors));
		Map<String, List<String>> fieldErrors = ReplyJson.fieldErrors(errors);
		if (fieldErrors.isEmpty()) {
			fieldErrors = ReplyJson.fieldErrors(message);
		}
		JsonNode queueId = root.path("data").path("queue_id");
		throw apiException(operation, status, headers, code, apiMessages, fieldErrors, null,
				(queueId.isValueNode() && !queueId.isNull()) ? queueId.asString() : null);
	}

	private InsprlConnectionException redirected(InsprlClient.Operation operation, int status, HttpHeaders headers) {
		String location = headers.getFirst(HttpHeaders.LOCATION);
		String where;
		if (location == null) {
			where = "without saying where";
		}
		else {
			String host = hostOf(location);
			where = (host != null) ? "to host '" + this.mask.apply(host) + "'" : "to the same host";
		}
		return new InsprlConnectionException(
				message("insprl redirected " + operation.name() + " " + where + " (HTTP " + status
						+ "); redirects are not followed, so that the client key never reaches another host: "
						+ "check insprl.base-url", null),
				operation.name(), InsprlConnectionException.Reason.REDIRECTED, null);
	}

	private static @Nullable String hostOf(String location) {
		try {
			return URI.create(location.trim()).getHost();
		}
		catch (IllegalArgumentException ex) {
			return "(an unreadable location)";
		}
	}

	private InsprlConnectionException unusableReply(InsprlClient.Operation operation, int status, HttpHeaders headers,
			byte[] body, @Nullable JacksonException parseFailure) {
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

	private InsprlApiException apiException(InsprlClient.Operation operation, int status, HttpHeaders headers,
			@Nullable Integer code, List<String> apiMessages, Map<String, List<String>> fieldErrors,
			@Nullable String bodyDescription, @Nullable String queueId) {
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
		if (isCode(code, ACCOUNT_RESTRICTED)) {
			return new InsprlAccountRestrictedException(
					message("insprl refused " + name + ": the account is "
							+ "restricted; trying again does not help, contact insprl support " + where, details),
					name, status, code, apiMessages);
		}
		if (isCode(code, INSUFFICIENT_BALANCE)) {
			return new InsprlInsufficientBalanceException(message(
					"insprl refused " + name + ": the wallet balance "
							+ "is insufficient; trying again does not help, top up the insprl wallet " + where,
					details), name, status, code, apiMessages);
		}
		if (isCode(code, USAGE_LIMIT_EXCEEDED) || status == 429) {
			Duration retryAfter = RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER));
			String wait = (retryAfter != null) ? "; retry after " + retryAfter.toSeconds() + "s" : "";
			return new InsprlRateLimitException(
					message("insprl usage limit reached for " + name + " " + where + wait, details), name, status, code,
					apiMessages, retryAfter);
		}
		String meaning = meaning(code);
		String headline = (meaning != null) ? "insprl refused " + name + ": " + meaning + " " + where
				: "insprl answered " + name + " without success " + where;
		String queued = (queueId != null) ? "; insprl gave it queue id " + queueId : "";
		return new InsprlApiException(message(headline, details) + queued, name, status, code, apiMessages, queueId);
	}

	private static @Nullable String meaning(@Nullable Integer code) {
		if (code == null) {
			return null;
		}
		return switch (code) {
			case SERVER_ERROR -> "insprl reported a server error";
			case SUCCESS -> "the reply said success with an HTTP error status";
			default -> null;
		};
	}

	private static boolean isCode(@Nullable Integer code, int expected) {
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
	private String message(String headline, @Nullable String details) {
		String text = (details == null || details.isEmpty()) ? headline : headline + ": " + this.mask.apply(details);
		return Excerpts.truncate(text, MESSAGE_LENGTH);
	}

	private String describeBody(HttpHeaders headers, byte[] body) {
		String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		String type = (contentType != null) ? this.mask.apply(contentType) : "no content type";
		if (body.length == 0) {
			return type + ", empty body";
		}
		return type + ", body starts '" + Excerpts.of(body, this.mask) + "'";
	}

}
