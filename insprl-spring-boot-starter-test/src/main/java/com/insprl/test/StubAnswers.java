package com.insprl.test;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

import org.springframework.util.Assert;

/**
 * How the stand-in answers one kind of request, such as the logout of one instance: each
 * method replaces the answer scripted before.
 */
public final class StubAnswers {

	/** The page insprl's site shows when it is down. */
	static final String OUTAGE_PAGE = "<html><body><p>Oops! Facing network problem. Unable to load this page. "
			+ "Refresh</p></body></html>";

	private final InsprlStub stub;

	private final StubbedOperation operation;

	private final List<String> values;

	StubAnswers(InsprlStub stub, StubbedOperation operation, List<String> values) {
		this.stub = stub;
		this.operation = operation;
		this.values = values;
	}

	/**
	 * Answer with success (code 100), as the stand-in does for any request not scripted.
	 */
	public void succeeds() {
		answer(reply(this.operation.successReply()));
	}

	/**
	 * Answer with success and the given JSON body.
	 * @param json the whole reply body
	 */
	public void succeedsWith(String json) {
		Assert.hasText(json, "json must not be blank");
		answer(WireMock.okJson(json));
	}

	/**
	 * Answer with the given status and JSON body, for a reply the other methods do not
	 * cover.
	 * @param status the HTTP status
	 * @param json the whole reply body
	 */
	public void repliesWith(int status, String json) {
		Assert.hasText(json, "json must not be blank");
		answer(WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json));
	}

	/**
	 * Answer that the credentials are rejected (code 101).
	 */
	public void rejectsCredentials() {
		answer(reply(this.operation.rejectedCredentials()));
	}

	/**
	 * Answer that a parameter is rejected (code 102), with the field's messages.
	 * @param field the parameter, such as {@code instance_id}
	 * @param messages insprl's messages for it
	 */
	public void rejectsParameter(String field, String... messages) {
		Assert.hasText(field, "field must not be blank");
		Map<String, List<String>> errors = new LinkedHashMap<>();
		errors.put(field, Arrays.asList(messages));
		answer(reply(this.operation.rejectedParameters(errors)));
	}

	/**
	 * Answer that the usage limit is reached (HTTP 429, code 129), asking to retry after
	 * the given wait.
	 * @param retryAfter the {@code Retry-After} to send, in whole seconds
	 */
	public void isRateLimited(Duration retryAfter) {
		Assert.isTrue(retryAfter != null && !retryAfter.isNegative(), "retryAfter must not be negative");
		answer(reply(this.operation.rateLimited()).withHeader("Retry-After", String.valueOf(retryAfter.toSeconds())));
	}

	/**
	 * Answer that the account is restricted (code 103, HTTP 403), with insprl's flag.
	 * @param flag {@code ACCOUNT_TEMP_BLOCKED} or {@code ACCOUNT_PERMANENT_BLOCKED}
	 */
	public void isAccountRestricted(String flag) {
		Assert.hasText(flag, "flag must not be blank");
		answer(reply(this.operation.accountRestricted(flag)));
	}

	/**
	 * Answer that the account's wallet balance is insufficient (code 104, HTTP 400, flag
	 * {@code INSUFFICIENT_BALANCE}).
	 */
	public void hasInsufficientBalance() {
		answer(reply(this.operation.insufficientBalance()));
	}

	/**
	 * Answer with insprl's outage page: HTML, HTTP 503.
	 */
	public void hasOutage() {
		answer(WireMock.aResponse()
			.withStatus(503)
			.withHeader("Content-Type", "text/html; charset=UTF-8")
			.withBody(OUTAGE_PAGE));
	}

	/**
	 * Never answer in time: the reply is held back ten minutes, so the call ends at the
	 * client's deadline ({@code insprl.connect-timeout} plus
	 * {@code insprl.read-timeout}), after its retries. Set a short
	 * {@code insprl.read-timeout} in a test that uses it.
	 */
	public void timesOut() {
		answer(reply(this.operation.successReply()).withFixedDelay((int) Duration.ofMinutes(10).toMillis()));
	}

	private static ResponseDefinitionBuilder reply(StubbedOperation.Reply reply) {
		return WireMock.aResponse()
			.withStatus(reply.status())
			.withHeader("Content-Type", "application/json")
			.withBody(reply.body());
	}

	private void answer(ResponseDefinitionBuilder response) {
		this.stub.script(this.operation, this.values, response);
	}

}
