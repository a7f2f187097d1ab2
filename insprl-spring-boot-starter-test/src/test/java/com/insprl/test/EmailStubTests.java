package com.insprl.test;

import java.time.Duration;
import java.util.List;

import com.insprl.client.InsprlAccountRestrictedException;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlCredentials;
import com.insprl.client.InsprlInsufficientBalanceException;
import com.insprl.client.InsprlRateLimitException;
import com.insprl.client.InsprlValidationException;
import com.insprl.email.EmailMessage;
import com.insprl.email.EmailVerification;
import com.insprl.email.InsprlEmailService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The stand-in's email operations, as the starter's email service sees them: each
 * succeeds by default, each documented failure can be scripted, and what was sent is
 * recorded.
 */
class EmailStubTests {

	private final InsprlStub stub = InsprlStub.start();

	private final InsprlClient client = InsprlClient.builder()
		.baseUrl(this.stub.baseUrl())
		.credentials(new InsprlCredentials(InsprlStub.CLIENT_ID, InsprlStub.CLIENT_KEY))
		.timeouts(Duration.ofSeconds(1), Duration.ofSeconds(5))
		.maxAttempts(1)
		.build();

	private final InsprlEmailService emails = new InsprlEmailService(this.client, "news@shop.example");

	private final EmailMessage mail = EmailMessage.of(EmailMessage.Type.PROMO, "Spring sale", "30% off")
		.withCampaignName("spring");

	@AfterEach
	void stop() {
		this.client.close();
		this.stub.close();
	}

	@Test
	void everyOperationSucceedsByDefaultAndEveryMailIsRecorded() {
		assertThat(this.emails.send(this.mail, List.of("ada@example.com", "bob@example.org")).queueId())
			.isEqualTo("stub-queue-1");
		assertThat(this.emails.verify("ada@example.com").status()).isEqualTo(EmailVerification.Status.DELIVERABLE);
		assertThat(this.emails.addMailingSender("News", "news@shop.example", null).message()).isEqualTo("Sender added");
		assertThat(this.stub.email().sentEmails()).singleElement()
			.isEqualTo(new SentEmail("news@shop.example", "promo", List.of("ada@example.com", "bob@example.org"),
					"Spring sale", "30% off", "spring"));
		assertThat(this.stub.email().verifiedAddresses()).containsExactly("ada@example.com");
		assertThat(this.stub.requests())
			.allSatisfy((request) -> assertThat(request.carriedKey(InsprlStub.CLIENT_KEY)).as("Bearer key").isTrue());
	}

	@Test
	void eachDocumentedFailureCanBeScripted() {
		this.stub.email().sends().hasInsufficientBalance();
		assertThatExceptionOfType(InsprlInsufficientBalanceException.class)
			.isThrownBy(() -> this.emails.send(this.mail, List.of("a@b.co")))
			.satisfies((ex) -> assertThat(ex.getFlag()).hasValue("INSUFFICIENT_BALANCE"));
		this.stub.email().sends().isAccountRestricted("ACCOUNT_TEMP_BLOCKED");
		assertThatExceptionOfType(InsprlAccountRestrictedException.class)
			.isThrownBy(() -> this.emails.send(this.mail, List.of("a@b.co")))
			.satisfies((ex) -> assertThat(ex.getFlag()).hasValue("ACCOUNT_TEMP_BLOCKED"));
		this.stub.email()
			.mailingSender("taken@shop.example")
			.rejectsParameter("email", "The email has already been taken.");
		assertThatExceptionOfType(InsprlValidationException.class)
			.isThrownBy(() -> this.emails.addMailingSender("Taken", "taken@shop.example", null))
			.satisfies((ex) -> assertThat(ex.getFieldErrors()).containsKey("email"));
		this.stub.email().verifies("bounce@example.com", "Undeliverable");
		assertThat(this.emails.verify("bounce@example.com").status()).isEqualTo(EmailVerification.Status.UNDELIVERABLE);
		assertThat(this.emails.verify("other@example.com").status()).isEqualTo(EmailVerification.Status.DELIVERABLE);
		// last: a 429 pauses the account for its Retry-After
		this.stub.email().sends().isRateLimited(Duration.ofSeconds(30));
		assertThatExceptionOfType(InsprlRateLimitException.class)
			.isThrownBy(() -> this.emails.send(this.mail, List.of("a@b.co")));
	}

}
