package com.insprl.test;

import java.util.List;

import org.springframework.util.Assert;

/**
 * The stand-in's email operations: scripted answers, and what was sent. Every mail is
 * queued, every sender added and every address {@code Deliverable} unless scripted
 * otherwise: <pre class="code">
 * insprl.email().sends().hasInsufficientBalance();
 * insprl.email().verifies("bounce@example.com", "Undeliverable");
 * assertThat(insprl.email().sentEmails()).singleElement()
 *     .satisfies((mail) -&gt; assertThat(mail.recipients()).containsExactly("ada@example.com"));
 * </pre>
 */
public final class EmailStub {

	private final InsprlStub stub;

	EmailStub(InsprlStub stub) {
		this.stub = stub;
	}

	/**
	 * Script the answer to every mail sent.
	 * @return how to answer
	 */
	public StubAnswers sends() {
		return new StubAnswers(this.stub, StubbedOperation.SEND_EMAIL, List.of());
	}

	/**
	 * Script the answer to the registration of one mailing sender.
	 * @param email the sender's address
	 * @return how to answer
	 */
	public StubAnswers mailingSender(String email) {
		Assert.hasText(email, "email must not be blank");
		return new StubAnswers(this.stub, StubbedOperation.ADD_MAILING_SENDER, List.of(email));
	}

	/**
	 * Script the answer to the verification of one address.
	 * @param email the address
	 * @return how to answer
	 */
	public StubAnswers verification(String email) {
		Assert.hasText(email, "email must not be blank");
		return new StubAnswers(this.stub, StubbedOperation.VERIFY_ADDRESS, List.of(email));
	}

	/**
	 * Answer the verification of one address with the given status.
	 * @param email the address
	 * @param status the status insprl gives, such as {@code Undeliverable} or
	 * {@code Failed}
	 */
	public void verifies(String email, String status) {
		Assert.hasText(status, "status must not be blank");
		verification(email).succeedsWith("{\"code\":100,\"message\":\"success\",\"data\":{\"status\":"
				+ Json.string(status) + ",\"credit\":\"1\",\"msg\":" + Json.string("Email is " + status) + "}}");
	}

	/**
	 * Return the mails received since the last reset, in order, one per request: a list
	 * sent in batches is one mail per batch.
	 * @return the mails
	 */
	public List<SentEmail> sentEmails() {
		return this.stub.requests()
			.stream()
			.filter((request) -> request.operation().equals(StubbedOperation.SEND_EMAIL.operation()))
			.map((request) -> SentEmail.of(request.parameters()))
			.toList();
	}

	/**
	 * Return the addresses verified since the last reset, in order.
	 * @return the addresses
	 */
	public List<String> verifiedAddresses() {
		return this.stub.requests()
			.stream()
			.filter((request) -> request.operation().equals(StubbedOperation.VERIFY_ADDRESS.operation()))
			.map((request) -> request.parameters().get("email"))
			.toList();
	}

}
