package com.insprl.client;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.insprl.client.internal.Excerpts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The client's call log, on the {@code com.insprl.client.InsprlClient} logger: at DEBUG,
 * one line per attempt (the operation, its parameters, the attempt, the HTTP status, the
 * insprl code, the outcome and the time taken); at TRACE, the reply's text too, cut to
 * {@value Excerpts#LENGTH} characters. Everything from the caller or insprl is masked
 * with the account's credentials first; the key itself, sent in a header, is never part
 * of what is logged. Nothing is built unless the level is on.
 */
final class CallLog {

	private static final Log logger = LogFactory.getLog(InsprlClient.class);

	private static final int VALUE_LENGTH = 64;

	private CallLog() {
	}

	static boolean isOn() {
		return logger.isDebugEnabled();
	}

	/**
	 * Log one attempt.
	 * @param operation the operation
	 * @param credentials the account, whose id is shown and whose key masks the rest
	 * @param fields the operation's parameters
	 * @param attempt the attempt's number, from 1
	 * @param status the reply's HTTP status, 0 for none
	 * @param outcome what came of it, such as {@code code 100, success}
	 * @param startNanos when the attempt started
	 */
	static void attempt(InsprlClient.Operation operation, InsprlCredentials credentials, Map<String, ?> fields,
			int attempt, int status, String outcome, long startNanos) {
		if (!logger.isDebugEnabled()) {
			return;
		}
		StringBuilder line = new StringBuilder("insprl ").append(operation.name())
			.append(" client_id=")
			.append(masked(credentials, credentials.getClientId()));
		fields.forEach((name, value) -> line.append(' ')
			.append(masked(credentials, name))
			.append('=')
			.append(masked(credentials, String.valueOf(value))));
		line.append(": attempt ")
			.append(attempt)
			.append(", ")
			.append((status > 0) ? "HTTP " + status : "no answer")
			.append(", ")
			.append(masked(credentials, outcome))
			.append(" in ")
			.append(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos))
			.append(" ms");
		logger.debug(line);
	}

	/**
	 * Log a reply's text, masked and cut.
	 * @param operation the operation
	 * @param credentials the account, whose key masks the text
	 * @param body the reply's body
	 */
	static void reply(InsprlClient.Operation operation, InsprlCredentials credentials, byte[] body) {
		if (logger.isTraceEnabled()) {
			logger.trace("insprl " + operation.name() + " reply: " + Excerpts.of(body, credentials::redact));
		}
	}

	/**
	 * Return what an attempt's failure says of it: the insprl code, when there is one,
	 * and the outcome.
	 * @param failure the failure
	 * @return the text
	 */
	static String outcome(InsprlException failure) {
		String outcome = InsprlCallEvent.Outcome.of(failure).tag();
		if (failure instanceof InsprlApiException api && api.getCode().isPresent()) {
			return "code " + api.getCode().getAsInt() + ", " + outcome;
		}
		if (failure instanceof InsprlConnectionException connection) {
			return outcome + " (" + connection.getReason() + ")";
		}
		return outcome;
	}

	private static String masked(InsprlCredentials credentials, String text) {
		String masked = credentials.redact(text);
		return Excerpts.truncate((masked != null) ? masked : "", VALUE_LENGTH);
	}

}
