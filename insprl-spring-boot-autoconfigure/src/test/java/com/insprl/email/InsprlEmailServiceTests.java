package com.insprl.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.insprl.client.InsprlAccountRestrictedException;
import com.insprl.client.InsprlApiException;
import com.insprl.client.InsprlCallOptions;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlCredentials;
import com.insprl.client.InsprlInsufficientBalanceException;
import com.insprl.client.InsprlRateLimitException;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.testing.TestAccount;
import com.insprl.testing.Transports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link InsprlEmailService} against WireMock on loopback: what goes on the
 * wire, what insprl's answers become, and what is refused before anything is sent.
 */
class InsprlEmailServiceTests {

	private static final String SEND = "/api/email/send-to-batch";

	private static final String QUEUED = """
			{"code":100,"message":"success","data":{"queue_id":"q-7781","status":"queued","msg":"Mail queued"}}""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	static final InsprlHttpTransport transport = Transports.detect();

	private final InsprlEmailService emails = new InsprlEmailService(client(3), "news@shop.example");

	private final EmailMessage message = EmailMessage.of(EmailMessage.Type.PROMO, "Spring sale", "<p>30% off</p>");

	@AfterAll
	static void closeTransport() {
		transport.close();
	}

	private static InsprlClient client(int maxAttempts) {
		return InsprlClient.builder()
			.transport(transport)
			.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
			.baseUrl(insprl.baseUrl() + "/api")
			.credentials(new InsprlCredentials("client-42", TestAccount.KEY))
			.maxAttempts(maxAttempts)
			.backoff(Duration.ofMillis(10), Duration.ofMillis(100), 2.0)
			.usageLimitPause(Duration.ofMinutes(5))
			.build();
	}

	@Test
	void aMailGoesOutAsOneJsonRequestWithTheBearerKeyAndComesBackQueued() {
		insprl.stubFor(post(SEND).willReturn(okJson(QUEUED)));
		EmailSendResult result = this.emails.send(
				this.message.withCampaignName("spring-2026").withFiles(List.of("https://cdn.shop.example/a.pdf")),
				List.of("ada@example.com", "bob@example.org"));
		assertThat(result).isEqualTo(new EmailSendResult("q-7781", "queued", "Mail queued", 2));
		LoggedRequest request = insprl.findAll(postRequestedFor(urlEqualTo(SEND))).get(0);
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TestAccount.KEY);
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		JsonNode body = JSON.readTree(request.getBodyAsString());
		assertThat(body.get("client_id").asString()).isEqualTo("client-42");
		assertThat(body.get("sender_email").asString()).isEqualTo("news@shop.example");
		assertThat(body.get("email_type").asString()).isEqualTo("promo");
		assertThat(body.get("recipient_email").asString()).isEqualTo("ada@example.com,bob@example.org");
		assertThat(body.get("subject").asString()).isEqualTo("Spring sale");
		assertThat(body.get("mail_body").asString()).isEqualTo("<p>30% off</p>");
		assertThat(body.get("campaign_name").asString()).isEqualTo("spring-2026");
		assertThat(body.get("files").asString()).isEqualTo("https://cdn.shop.example/a.pdf");
	}

	@Test
	void aMailsOwnSenderWinsOverTheDefault() {
		insprl.stubFor(post(SEND).willReturn(okJson(QUEUED)));
		this.emails.send(this.message.withSender("billing@shop.example").withFiles(List.of()), List.of("a@b.co"));
		insprl.verify(postRequestedFor(urlEqualTo(SEND))
			.withRequestBody(matchingJsonPath("$.sender_email", equalTo("billing@shop.example"))));
	}

	@Test
	void badInputIsRefusedNamingTheFieldBeforeAnythingIsSent() {
		List<String> tooMany = IntStream.range(0, 10_001).mapToObj((i) -> "user" + i + "@example.com").toList();
		assertThatIllegalArgumentException().isThrownBy(() -> this.emails.send(this.message, tooMany))
			.withMessageContaining("at most 10000")
			.withMessageContaining("sendInBatches");
		assertThatIllegalArgumentException().isThrownBy(() -> this.emails.send(this.message, List.of()))
			.withMessageContaining("recipients must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.emails.send(this.message, List.of("a@b.co", "not-an-address", "c@d.co")))
			.withMessageContaining("recipients[1] is not an email address");
		for (String bad : new String[] { "a,b@c.co", "a b@c.co", "@c.co", "a@", "a@b", "a@@b.co", "a@b.co\r\nBcc:x" }) {
			assertThatIllegalArgumentException().as(bad)
				.isThrownBy(() -> this.emails.send(this.message, List.of(bad)))
				.withMessageContaining("recipients[0]");
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.emails.send(this.message, Collections.singletonList(null)))
			.withMessageContaining("recipients[0]");
		assertThatIllegalArgumentException().isThrownBy(() -> EmailMessage.of(null, "s", "b"))
			.withMessageContaining("email_type");
		assertThatIllegalArgumentException().isThrownBy(() -> EmailMessage.of(EmailMessage.Type.TXN, " ", "b"))
			.withMessageContaining("subject");
		assertThatIllegalArgumentException().isThrownBy(() -> EmailMessage.of(EmailMessage.Type.TXN, "s", ""))
			.withMessageContaining("mail_body");
		assertThatIllegalArgumentException().isThrownBy(() -> this.message.withCampaignName("x".repeat(101)))
			.withMessageContaining("campaign_name must be at most 100 characters, not 101");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.message.withFiles(
					List.of("https://a.co/1", "https://a.co/2", "https://a.co/3", "https://a.co/4", "https://a.co/5")))
			.withMessageContaining("files must hold at most 4 URLs, not 5");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.message.withFiles(List.of("https://a.co/1", "http://a.co/2")))
			.withMessageContaining("files[1] must be an https URL");
		assertThatIllegalArgumentException().isThrownBy(() -> this.message.withSender("nobody"))
			.withMessageContaining("sender_email is not an email address");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InsprlEmailService(client(1), null).send(this.message, List.of("a@b.co")))
			.withMessageContaining("insprl.email.sender");
		assertThat(insprl.findAll(postRequestedFor(urlEqualTo(SEND)))).as("nothing sent").isEmpty();
	}

	@Test
	void aRestrictedAccountIsAnExceptionOfItsOwnWithItsFlagNeverRetried() {
		insprl.stubFor(post(SEND).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":103,\"message\":\"Account restricted\",\"errors\":[\"ACCOUNT_TEMP_BLOCKED\"]}")));
		assertThatExceptionOfType(InsprlAccountRestrictedException.class)
			.isThrownBy(() -> this.emails.send(this.message, List.of("a@b.co")))
			.satisfies((ex) -> {
				assertThat(ex.getFlag()).hasValue("ACCOUNT_TEMP_BLOCKED");
				assertThat(ex.isRetryable()).isFalse();
				assertThat(ex.isPossiblyProcessed()).isFalse();
				assertThat(ex.getMessage()).contains("trying again does not help");
			});
		insprl.verify(1, postRequestedFor(urlEqualTo(SEND)));
	}

	@Test
	void anInsufficientBalanceIsAnExceptionOfItsOwnAndPausesNothing() {
		insprl.stubFor(post(SEND).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":104,\"message\":\"Insufficient balance\",\"errors\":[\"INSUFFICIENT_BALANCE\"]}")));
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(InsprlInsufficientBalanceException.class)
				.isThrownBy(() -> this.emails.send(this.message, List.of("a@b.co")))
				.satisfies((ex) -> {
					assertThat(ex.getFlag()).hasValue("INSUFFICIENT_BALANCE");
					assertThat(ex.isRetryable()).isFalse();
					assertThat(ex.getAttempts()).isOne();
				});
		}
		insprl.verify(2, postRequestedFor(urlEqualTo(SEND)));
		assertThat(this.emails.withOptions(InsprlCallOptions.builder().maxAttempts(1).build())).isNotNull();
	}

	@Test
	void aServerErrorThatGaveAQueueIdSaysTheMailMayHaveBeenSentAndIsNotRetried() {
		insprl.stubFor(post(SEND).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":105,\"message\":\"Server error\",\"data\":{\"queue_id\":\"q-99\"}}")));
		assertThatExceptionOfType(InsprlApiException.class)
			.isThrownBy(() -> this.emails.send(this.message, List.of("a@b.co")))
			.satisfies((ex) -> {
				assertThat(ex.isPossiblyProcessed()).isTrue();
				assertThat(ex.getQueueId()).hasValue("q-99");
				assertThat(ex.getMessage()).contains("queue id q-99").doesNotContain(TestAccount.KEY);
				assertThat(ex.getAttempts()).isOne();
			});
		insprl.verify(1, postRequestedFor(urlEqualTo(SEND)));
	}

	@Test
	void aRateLimitFromInsprlPausesTheAccountAndTheMailIsNotSentAgain() {
		insprl.stubFor(post(SEND).willReturn(aResponse().withStatus(429)
			.withHeader("Retry-After", "0")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":129,\"message\":\"Too many\"}")));
		assertThatExceptionOfType(InsprlRateLimitException.class)
			.isThrownBy(() -> this.emails.send(this.message, List.of("a@b.co")))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isOne());
		insprl.verify(1, postRequestedFor(urlEqualTo(SEND)));
	}

	@Test
	void aLongListGoesOutInBatchesOfTenThousandInOrderEachWithItsResult() {
		insprl.stubFor(post(SEND).willReturn(okJson(QUEUED)));
		List<String> recipients = addresses(25_000);
		EmailBatchResult result = this.emails.sendInBatches(this.message, recipients, true);
		assertThat(result.isComplete()).isTrue();
		assertThat(result.batches()).extracting(EmailBatchResult.Batch::recipients)
			.containsExactly(10_000, 10_000, 5_000);
		assertThat(result.batches()).extracting(EmailBatchResult.Batch::firstRecipient)
			.containsExactly(0L, 10_000L, 20_000L);
		List<String> sent = new ArrayList<>();
		for (LoggedRequest request : insprl.findAll(postRequestedFor(urlEqualTo(SEND)))) {
			sent.addAll(List.of(JSON.readTree(request.getBodyAsString()).get("recipient_email").asString().split(",")));
		}
		assertThat(sent).isEqualTo(recipients);
	}

	@Test
	void aFailedBatchStopsTheRestOrNotAsTheCallerChooses() {
		insprl.stubFor(post(SEND).willReturn(okJson(QUEUED)));
		insprl.stubFor(post(SEND).withRequestBody(matchingJsonPath("$.recipient_email", containing("user10000@")))
			.willReturn(aResponse().withStatus(503)));
		List<String> recipients = addresses(25_000);
		EmailBatchResult stopped = this.emails.sendInBatches(this.message, recipients, true);
		assertThat(stopped.batches()).hasSize(2);
		assertThat(stopped.batches().get(1).failure()).isNotNull()
			.satisfies((ex) -> assertThat(ex.isPossiblyProcessed()).isTrue());
		assertThat(stopped.recipientsNotSent()).isEqualTo(5_000);
		assertThat(stopped.isComplete()).isFalse();
		EmailBatchResult goneOn = this.emails.sendInBatches(this.message, recipients, false);
		assertThat(goneOn.batches()).hasSize(3);
		assertThat(goneOn.batches().get(2).result()).isNotNull();
		assertThat(goneOn.recipientsNotSent()).isZero();
		insprl.verify(2 + 3, postRequestedFor(urlEqualTo(SEND)));
	}

	@Test
	void aBadAddressAnywhereInALongListIsRefusedBeforeTheFirstBatch() {
		List<String> recipients = new ArrayList<>(addresses(25_000));
		recipients.set(24_321, "oops");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.emails.sendInBatches(this.message, recipients, false))
			.withMessageContaining("recipients[24321] is not an email address");
		assertThat(insprl.findAll(postRequestedFor(urlEqualTo(SEND)))).isEmpty();
	}

	@Test
	void aListThatChangesAfterItWasCheckedStopsAtTheChangeAndSaysWhatWasSent() {
		insprl.stubFor(post(SEND).willReturn(okJson(QUEUED)));
		List<String> checked = addresses(25_000);
		List<String> changed = new ArrayList<>(checked);
		changed.set(12_345, "two@shop.example,three@shop.example");
		Iterable<String> readTwice = new Iterable<>() {

			private int readings;

			@Override
			public Iterator<String> iterator() {
				return (this.readings++ == 0) ? checked.iterator() : changed.iterator();
			}

		};
		assertThatIllegalStateException().isThrownBy(() -> this.emails.sendInBatches(this.message, readTwice, true))
			.withMessageContaining("recipients changed after they were checked")
			.withMessageContaining("1 batch (recipients 0 to 9999) was sent")
			.withMessageContaining("send from recipients[10000]")
			.withRootCauseInstanceOf(IllegalArgumentException.class);
		insprl.verify(1, postRequestedFor(urlEqualTo(SEND)));
		assertThat(insprl.findAll(postRequestedFor(urlEqualTo(SEND))).get(0).getBodyAsString())
			.doesNotContain("three@shop.example");
	}

	@Test
	void aListThatShrinksAfterItWasCheckedSaysWhatWasSent() {
		insprl.stubFor(post(SEND).willReturn(okJson(QUEUED)));
		List<String> checked = addresses(25_000);
		Iterable<String> readTwice = new Iterable<>() {

			private int readings;

			@Override
			public Iterator<String> iterator() {
				return (this.readings++ == 0) ? checked.iterator() : checked.subList(0, 15_000).iterator();
			}

		};
		assertThatIllegalStateException().isThrownBy(() -> this.emails.sendInBatches(this.message, readTwice, false))
			.withMessageContaining("1 batch (recipients 0 to 9999) was sent");
		insprl.verify(1, postRequestedFor(urlEqualTo(SEND)));
	}

	@Test
	void anAddressIsVerifiedAndAStatusInsprlAddsLaterIsUnknown() {
		String path = "/api/everifier/single-validate";
		insprl.stubFor(post(path).willReturn(okJson("""
				{"code":100,"data":{"status":"Deliverable","credit":4999,"msg":"ok"}}""")));
		EmailVerification verification = this.emails.verify("ada@example.com");
		assertThat(verification).isEqualTo(new EmailVerification("ada@example.com",
				EmailVerification.Status.DELIVERABLE, "Deliverable", "4999", "ok"));
		insprl.stubFor(post(path).willReturn(okJson("{\"code\":100,\"data\":{\"status\":\"Risky\"}}")));
		assertThat(this.emails.verify("ada@example.com").status()).isEqualTo(EmailVerification.Status.UNKNOWN);
		insprl
			.verify(postRequestedFor(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + TestAccount.KEY))
				.withRequestBody(equalToJson("{\"client_id\":\"client-42\",\"email\":\"ada@example.com\"}")));
		assertThatIllegalArgumentException().isThrownBy(() -> this.emails.verify("ada"))
			.withMessageContaining("email is not an email address");
	}

	@Test
	void aMailingSenderIsRegistered() {
		String path = "/api/email/mailing-senders/add";
		insprl.stubFor(post(path).willReturn(okJson("{\"code\":100,\"message\":\"Sender added\"}")));
		assertThat(this.emails.addMailingSender("Shop news", "news@shop.example", "for newsletters"))
			.isEqualTo(new MailingSender("Shop news", "news@shop.example", "Sender added"));
		insprl.verify(
				postRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson("{\"client_id\":\"client-42\",\"name\":"
						+ "\"Shop news\",\"email\":\"news@shop.example\",\"remarks\":\"for newsletters\"}")));
		assertThatIllegalArgumentException().isThrownBy(() -> this.emails.addMailingSender(" ", "a@b.co", null))
			.withMessageContaining("name");
	}

	@Test
	void anotherAccountsMailGoesOutWithItsOwnCredentials() {
		insprl.stubFor(post(SEND).willReturn(okJson(QUEUED)));
		this.emails.withCredentials("customer-7", "ck-customer-7-key").send(this.message, List.of("a@b.co"));
		insprl.verify(
				postRequestedFor(urlEqualTo(SEND)).withHeader("Authorization", equalTo("Bearer ck-customer-7-key")));
	}

	static List<String> addresses(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "user" + i + "@example.com").toList();
	}

}
