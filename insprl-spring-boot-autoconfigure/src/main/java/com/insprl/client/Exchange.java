package com.insprl.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.insprl.client.internal.CallBudget;
import com.insprl.http.internal.CallDeadline;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

/**
 * One request of a call on the wire: the body posted with the account's key, the reply
 * read up to {@link #MAX_REPLY_BYTES} and decoded, a transport failure mapped to an
 * {@link InsprlConnectionException}, and each attempt in the call log.
 */
final class Exchange {

	/**
	 * The largest reply body read, in bytes: a larger one fails as
	 * {@code REPLY_TOO_LARGE}.
	 */
	static final int MAX_REPLY_BYTES = 1024 * 1024;

	private final ClientResources resources;

	private final InsprlCredentials credentials;

	private final ReplyDecoder decoder;

	private final InsprlClient.Operation operation;

	private final byte[] body;

	private final Map<String, ?> fields;

	private int status;

	Exchange(ClientResources resources, InsprlCredentials credentials, ReplyDecoder decoder,
			InsprlClient.Operation operation, byte[] body, Map<String, ?> fields) {
		this.resources = resources;
		this.credentials = credentials;
		this.decoder = decoder;
		this.operation = operation;
		this.body = body;
		this.fields = fields;
	}

	/**
	 * Send the request once, within what the call's budget leaves, and log the attempt.
	 * @param attempt the attempt's number, from 1
	 * @param budget the call's budget
	 * @return the successful reply
	 * @throws InsprlException if insprl did not answer with success
	 */
	InsprlClient.Reply send(int attempt, CallBudget budget) {
		long started = System.nanoTime();
		this.status = 0;
		try {
			InsprlClient.Reply reply = post(budget);
			if (CallLog.isOn()) {
				CallLog.attempt(this.operation, this.credentials, this.fields, attempt, this.status,
						"code " + reply.code() + ", success", started);
			}
			return reply;
		}
		catch (InsprlException ex) {
			if (CallLog.isOn()) {
				CallLog.attempt(this.operation, this.credentials, this.fields, attempt, this.status,
						CallLog.outcome(ex), started);
			}
			throw ex;
		}
	}

	private InsprlClient.Reply post(CallBudget budget) {
		boolean capped = budget.remaining().compareTo(this.resources.attemptDeadline) < 0;
		try (CallDeadline.Scope scope = budget.capAttempts();
				AuthorizingRequestFactory.Scope authorized = AuthorizingRequestFactory
					.authorize(this.credentials.authorization(this.operation.authScheme()))) {
			return this.resources.restClient.post()
				.uri(this.operation.path())
				.header(HttpHeaders.USER_AGENT, InsprlClient.USER_AGENT)
				.contentType((this.operation.encoding() == InsprlClient.Operation.Encoding.JSON)
						? MediaType.APPLICATION_JSON : MediaType.APPLICATION_FORM_URLENCODED)
				.body(this.body)
				.exchange((request, response) -> {
					this.status = response.getStatusCode().value();
					byte[] reply = readBody(response);
					CallLog.reply(this.operation, this.credentials, reply);
					return this.decoder.decode(this.operation, this.status, response.getHeaders(), reply);
				}, true);
		}
		catch (InsprlRateLimitException ex) {
			this.resources.gate.pause(ex, this.credentials.getClientId());
			throw ex;
		}
		catch (InsprlException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			InsprlConnectionException failure = TransportFailures.toException(this.operation.name(), ex,
					this.credentials);
			if (capped && failure.getReason() == InsprlConnectionException.Reason.TIMEOUT) {
				budget.spend();
			}
			throw failure;
		}
	}

	private byte[] readBody(ClientHttpResponse response) throws IOException {
		int max = MAX_REPLY_BYTES;
		long declared = response.getHeaders().getContentLength();
		if (declared > max) {
			throw tooLarge(declared + " bytes declared");
		}
		try (InputStream in = response.getBody()) {
			if (declared >= 0) {
				// HTTP framing bounds the body to the declared length: read exactly that
				return in.readNBytes((int) declared);
			}
			byte[] body = in.readNBytes(max + 1);
			if (body.length > max) {
				throw tooLarge("more than " + max + " bytes");
			}
			return body;
		}
	}

	private InsprlConnectionException tooLarge(String size) {
		return new InsprlConnectionException("insprl's reply to " + this.operation.name() + " is too large (" + size
				+ ", at most " + MAX_REPLY_BYTES + " accepted)", this.operation.name(),
				InsprlConnectionException.Reason.REPLY_TOO_LARGE, null);
	}

}
