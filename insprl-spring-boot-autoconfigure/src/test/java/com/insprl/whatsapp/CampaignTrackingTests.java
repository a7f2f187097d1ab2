package com.insprl.whatsapp;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.insprl.client.InsprlApiException;
import com.insprl.client.InsprlAuthenticationException;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlConnectionException;
import com.insprl.client.InsprlCredentials;
import com.insprl.client.InsprlRateLimitException;
import com.insprl.client.InsprlValidationException;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.testing.TestAccount;
import com.insprl.testing.Transports;
import com.insprl.whatsapp.campaign.CampaignTracking;
import com.insprl.whatsapp.campaign.CampaignTrackingRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * CampaignTracking.Campaign tracking, the v1 family, against a WireMock stub on loopback:
 * the exact request, every documented reply shape, lenient reading, and the failure
 * paths.
 */
class CampaignTrackingTests {

	static final String PATH = "/api/whatsapp/v1/campaigns/tracking";

	static final String KEY = TestAccount.KEY;

	static final String DOCUMENTED = """
			{"status":true,"code":100,"data":{"campaign":{"campaign_id":"4711","name":"Spring sale",\
			"status":"completed","total":3,"accepted":3,"sent":3,"delivered":2,"delivery_rate":66.67,"read":1,\
			"replied":1,"failed":1,"created_at":"2026-11-20 09:30:00"},"contacts":[{"phone":"+919800000001",\
			"status":"read","message_id":"wamid.1","created_at":"2026-11-20 09:30:01",\
			"sent_at":"2026-11-20 09:30:02"}]}}""";

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	static final InsprlHttpTransport transport = Transports.detect();

	private final InsprlWhatsAppService service = service(1);

	@AfterAll
	static void closeTransport() {
		transport.close();
	}

	private static InsprlWhatsAppService service(int maxAttempts) {
		return new InsprlWhatsAppService(InsprlClient.builder()
			.transport(transport)
			.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
			.baseUrl(insprl.baseUrl() + "/api")
			.credentials(new InsprlCredentials("client-42", KEY))
			.maxAttempts(maxAttempts)
			.backoff(Duration.ofMillis(10), Duration.ofMillis(100), 2.0)
			.build(), null);
	}

	private static void reply(int status, String body) {
		insprl.stubFor(post(PATH)
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

	@Test
	void sendsTheDocumentedRequest() {
		insprl.stubFor(post(PATH).willReturn(okJson(DOCUMENTED)));
		this.service.campaignTracking(CampaignTrackingRequest.builder("acc-1", "cmp-9")
			.perPage(25)
			.status(CampaignTracking.ContactStatus.DELIVERED)
			.phone("+91 98000 00001")
			.build());
		insprl.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + KEY))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"client_id\":\"client-42\",\"account_id\":\"acc-1\",\"campaign_uid\":"
					+ "\"cmp-9\",\"per_page\":25,\"status\":\"delivered\",\"phone\":\"+91 98000 00001\"}")));
	}

	@Test
	void optionalFieldsAreLeftOutUnlessGiven() {
		insprl.stubFor(post(PATH).willReturn(okJson(DOCUMENTED)));
		this.service.campaignTracking("acc-1", "cmp-9");
		insprl.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(
				equalToJson("{\"client_id\":\"client-42\",\"account_id\":\"acc-1\",\"campaign_uid\":\"cmp-9\"}")));
	}

	@Test
	void theDocumentedReplyIsReadIntoRecords() {
		insprl.stubFor(post(PATH).willReturn(okJson(DOCUMENTED)));
		CampaignTracking tracking = this.service.campaignTracking("acc-1", "cmp-9");
		assertThat(tracking.campaign()).isEqualTo(new CampaignTracking.Campaign("4711", "Spring sale", "completed", 3,
				3, 3, 2, 66.67, 1, 1, 1, "2026-11-20 09:30:00"));
		assertThat(tracking.contacts()).containsExactly(new CampaignTracking.Contact("+919800000001", "read", "wamid.1",
				"2026-11-20 09:30:01", "2026-11-20 09:30:02"));
		assertThat(tracking.contacts().get(0).knownStatus()).contains(CampaignTracking.ContactStatus.READ);
	}

	@Test
	void unknownMissingAndOddlyTypedFieldsNeverBreakReading() {
		insprl.stubFor(post(PATH).willReturn(okJson("""
				{"status":true,"code":"100","data":{"campaign":{"campaign_id":4711,"status":"paused_by_insprl",\
				"total":"12","delivery_rate":"41.5","sent":null,"failed":"n/a","budget":{"spent":3}},\
				"contacts":[{"phone":"+91","status":"bounced","clicked_at":"2026-11-20"},"not an object"],\
				"next_page":2}}""")));
		CampaignTracking tracking = this.service.campaignTracking("acc-1", "cmp-9");
		assertThat(tracking.campaign().campaignId()).isEqualTo("4711");
		assertThat(tracking.campaign().status()).isEqualTo("paused_by_insprl");
		assertThat(tracking.campaign().total()).isEqualTo(12);
		assertThat(tracking.campaign().deliveryRate()).isEqualTo(41.5);
		assertThat(tracking.campaign().sent()).isNull();
		assertThat(tracking.campaign().failed()).isNull();
		assertThat(tracking.campaign().name()).isNull();
		assertThat(tracking.contacts()).singleElement().satisfies((contact) -> {
			assertThat(contact.status()).isEqualTo("bounced");
			assertThat(contact.knownStatus()).isEmpty();
			assertThat(contact.sentAt()).isNull();
		});
		assertThat(tracking.data().get("next_page").asInt()).isEqualTo(2);
		assertThat(tracking.data().at("/campaign/budget/spent").asInt()).isEqualTo(3);
	}

	@Test
	void numbersOutOfRangeOrNotFiniteReadAsNull() {
		insprl.stubFor(post(PATH).willReturn(okJson("""
				{"code":100,"data":{"campaign":{"name":{"a":1},"status":[1],"total":1e400,"accepted":0.5,\
				"sent":"2147483648","delivered":-1e400,"delivery_rate":1e400,"read":"NaN","replied":"Infinity",\
				"failed":"100.0"}}}""")));
		CampaignTracking.Campaign campaign = this.service.campaignTracking("acc-1", "cmp-9").campaign();
		assertThat(campaign.name()).isNull();
		assertThat(campaign.status()).isNull();
		assertThat(campaign.total()).isNull();
		assertThat(campaign.accepted()).isNull();
		assertThat(campaign.sent()).isNull();
		assertThat(campaign.delivered()).isNull();
		assertThat(campaign.deliveryRate()).isNull();
		assertThat(campaign.read()).isNull();
		assertThat(campaign.replied()).isNull();
		assertThat(campaign.failed()).isEqualTo(100);
		insprl.stubFor(post(PATH)
			.willReturn(okJson("{\"code\":100,\"data\":{\"campaign\":{\"delivery_rate\":" + "\"1e400\"}}}")));
		assertThat(this.service.campaignTracking("acc-1", "cmp-9").campaign().deliveryRate()).isNull();
	}

	@Test
	void numbersPastJacksonsLimitsOrNestingTooDeepAreMalformed() {
		String longNumber = "1".repeat(1001);
		String deep = "[".repeat(501) + "]".repeat(501);
		for (String body : new String[] { "{\"code\":100,\"data\":{\"total\":" + longNumber + "}}",
				"{\"code\":100,\"data\":" + deep + "}" }) {
			insprl.stubFor(post(PATH).willReturn(okJson(body)));
			assertThatExceptionOfType(InsprlConnectionException.class)
				.isThrownBy(() -> this.service.campaignTracking("acc-1", "cmp-9"))
				.satisfies(
						(ex) -> assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.MALFORMED_REPLY));
		}
		insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":100,\"data\":{\"total\":" + "1".repeat(1000) + ",\"n\":"
				+ "[".repeat(400) + "]".repeat(400) + "}}")));
		assertThat(this.service.campaignTracking("acc-1", "cmp-9").data().get("total").isNumber()).isTrue();
	}

	@Test
	void aReplyWithoutDataHasNoCampaignAndNoContacts() {
		insprl.stubFor(post(PATH).willReturn(okJson("{\"status\":true,\"code\":100}")));
		CampaignTracking tracking = this.service.campaignTracking("acc-1", "cmp-9");
		assertThat(tracking.campaign()).isNull();
		assertThat(tracking.contacts()).isEmpty();
	}

	@Test
	void theV1FamilysErrorsMapAsTheCodesSay() {
		reply(401, "{\"status\":false,\"code\":101,\"message\":\"Unauthenticated.\"}");
		assertThatExceptionOfType(InsprlAuthenticationException.class)
			.isThrownBy(() -> this.service.campaignTracking("acc-1", "cmp-9"))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(401));
		reply(422, "{\"status\":false,\"code\":102,\"message\":\"The given data was invalid.\",\"errors\":"
				+ "{\"campaign_uid\":[\"The selected campaign uid is invalid.\"]}}");
		assertThatExceptionOfType(InsprlValidationException.class)
			.isThrownBy(() -> this.service.campaignTracking("acc-1", "cmp-9"))
			.satisfies((ex) -> assertThat(ex.getFieldErrors())
				.isEqualTo(Map.of("campaign_uid", List.of("The selected campaign uid is invalid."))));
		reply(403, "{\"status\":false,\"code\":103,\"message\":\"ACCOUNT_TEMP_BLOCKED\"}");
		assertThatExceptionOfType(InsprlApiException.class)
			.isThrownBy(() -> this.service.campaignTracking("acc-1", "cmp-9"))
			.withMessageContaining("account is restricted");
		reply(400, "{\"status\":false,\"code\":104,\"message\":\"INSUFFICIENT_BALANCE\"}");
		assertThatExceptionOfType(InsprlApiException.class)
			.isThrownBy(() -> this.service.campaignTracking("acc-1", "cmp-9"))
			.withMessageContaining("wallet balance is insufficient");
		insprl.stubFor(post(PATH).willReturn(aResponse().withStatus(429)
			.withHeader("Retry-After", "60")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"status\":false,\"code\":129,\"message\":\"MONTHLY_LIMIT_REACHED\"}")));
		assertThatExceptionOfType(InsprlRateLimitException.class)
			.isThrownBy(() -> this.service.campaignTracking("acc-1", "cmp-9"))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(60)));
	}

	@Test
	void invalidRequestsAreRefusedBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.campaignTracking(" ", "cmp-9"))
			.withMessageContaining("accountId");
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.campaignTracking("acc-1", null))
			.withMessageContaining("campaignUid");
		for (int perPage : new int[] { 0, 101, -5 }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> CampaignTrackingRequest.builder("acc-1", "cmp-9").perPage(perPage))
				.withMessageContaining("perPage must be from 1 to 100");
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CampaignTrackingRequest.builder("acc-1", "cmp-9").phone(" "));
		assertThat(insprl.getAllServeEvents()).isEmpty();
	}

	@Test
	void aRequestSaysWhatItAsksFor() {
		assertThat(CampaignTrackingRequest.builder("acc-1", "cmp-9")
			.perPage(25)
			.status(CampaignTracking.ContactStatus.DELIVERED)
			.phone("+4915112345678")
			.build())
			.hasToString("CampaignTrackingRequest{accountId='acc-1', campaignUid='cmp-9', perPage=25, "
					+ "status=DELIVERED, phone='+4915112345678'}");
	}

	@Test
	void itIsRetriedLikeLogout() {
		insprl.stubFor(post(PATH).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(serviceUnavailable())
			.willSetStateTo("up"));
		insprl.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson(DOCUMENTED)));
		InsprlWhatsAppService retrying = service(3);
		assertThat(retrying.campaignTracking("acc-1", "cmp-9").campaign().name()).isEqualTo("Spring sale");
		assertThat(insprl.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSize(2);
	}

}
