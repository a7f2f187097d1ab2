package com.insprl.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.insprl.client.InsprlApiException;
import com.insprl.client.InsprlAuthenticationException;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlConnectionException;
import com.insprl.client.InsprlCredentials;
import com.insprl.client.InsprlRateLimitException;
import com.insprl.client.InsprlValidationException;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each answer the stand-in scripts, as the starter's client sees it.
 */
class InsprlStubTests {

	private final InsprlStub stub = InsprlStub.start();

	private final InsprlClient client = client(InsprlStub.CLIENT_KEY, Duration.ofSeconds(5));

	private final InsprlWhatsAppService whatsApp = new InsprlWhatsAppService(this.client, null);

	private InsprlClient client(String key, Duration readTimeout) {
		return client(InsprlStub.CLIENT_ID, key, readTimeout);
	}

	private InsprlClient client(String id, String key, Duration readTimeout) {
		return InsprlClient.builder()
			.baseUrl(this.stub.baseUrl())
			.credentials(new InsprlCredentials(id, key))
			.timeouts(Duration.ofSeconds(1), readTimeout)
			.maxAttempts(1)
			.build();
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.stub.close();
	}

	@Test
	void anyInstanceLogsOutByDefault() {
		assertThat(this.whatsApp.logout("any-instance").result()).isEqualTo("Logout request sent to WhatsApp");
	}

	@Test
	void anotherKeyIsRejectedAsInsprlWould() {
		try (InsprlClient wrongKey = client("not-the-test-key", Duration.ofSeconds(5))) {
			assertThatExceptionOfType(InsprlAuthenticationException.class)
				.isThrownBy(() -> new InsprlWhatsAppService(wrongKey, null).logout("any-instance"))
				.satisfies((ex) -> assertThat(ex.getCode()).hasValue(101));
		}
		assertThat(this.stub.requests()).singleElement().satisfies((request) -> {
			assertThat(request.carriedKey(InsprlStub.CLIENT_KEY)).isFalse();
			assertThat(request.carriedKey("not-the-test-key")).isTrue();
			assertThat(request.toString()).doesNotContain("not-the-test-key").contains("key=******");
		});
	}

	@Test
	void anotherClientIdIsRejectedAsInsprlWould() {
		try (InsprlClient otherAccount = client("someone-else", InsprlStub.CLIENT_KEY, Duration.ofSeconds(5))) {
			assertThatExceptionOfType(InsprlAuthenticationException.class)
				.isThrownBy(() -> new InsprlWhatsAppService(otherAccount, null).logout("any-instance"));
		}
		assertThat(this.stub.requests()).singleElement()
			.satisfies((request) -> assertThat(request.clientId()).isEqualTo("someone-else"));
	}

	@Test
	void eachScriptedAnswerIsTheApisOwn() {
		this.stub.logout("unauthorized").rejectsCredentials();
		this.stub.logout("invalid").rejectsParameter("instance_id", "The selected instance id is invalid.");
		this.stub.logout("limited").isRateLimited(Duration.ofSeconds(30));
		this.stub.logout("down").hasOutage();
		assertThatExceptionOfType(InsprlAuthenticationException.class)
			.isThrownBy(() -> this.whatsApp.logout("unauthorized"));
		assertThatExceptionOfType(InsprlValidationException.class).isThrownBy(() -> this.whatsApp.logout("invalid"))
			.satisfies((ex) -> assertThat(ex.getFieldErrors())
				.isEqualTo(Map.of("instance_id", List.of("The selected instance id is invalid."))));
		assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> this.whatsApp.logout("down"))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(503);
				assertThat(ex.isRetryable()).isTrue();
			})
			.withMessageContaining("Oops! Facing network problem");
		assertThat(this.whatsApp.logout("other").code()).as("other instances still succeed").isEqualTo(100);
		assertThatExceptionOfType(InsprlRateLimitException.class).isThrownBy(() -> this.whatsApp.logout("limited"))
			.satisfies((ex) -> {
				assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(30));
				assertThat(ex.getCode()).hasValue(129);
				assertThat(ex.getHttpStatus()).isEqualTo(429);
			});
		assertThatExceptionOfType(InsprlRateLimitException.class).isThrownBy(() -> this.whatsApp.logout("other"))
			.as("the account is paused as insprl asked")
			.satisfies((ex) -> assertThat(ex.getAttempts()).isZero());
	}

	@Test
	void campaignTrackingAnswersLikeTheV1Family() {
		assertThat(this.whatsApp.campaignTracking("any-account", "any-campaign").campaign().name())
			.isEqualTo("Spring sale");
		this.stub.campaignTracking("acc-1", "missing")
			.rejectsParameter("campaign_uid", "The selected campaign uid is invalid.");
		this.stub.campaignTracking("acc-1", "limited").isRateLimited(Duration.ofSeconds(60));
		this.stub.campaignTracking("acc-1", "custom")
			.succeedsWith("{\"status\":true,\"code\":100,\"data\":"
					+ "{\"campaign\":{\"name\":\"Scripted\",\"total\":1},\"contacts\":[]}}");
		assertThatExceptionOfType(InsprlValidationException.class)
			.isThrownBy(() -> this.whatsApp.campaignTracking("acc-1", "missing"))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(422);
				assertThat(ex.getFieldErrors()).containsKey("campaign_uid");
			});
		assertThat(this.whatsApp.campaignTracking("acc-1", "custom").campaign().name()).isEqualTo("Scripted");
		assertThat(this.stub.requests()).last().satisfies((request) -> {
			assertThat(request.operation()).isEqualTo("whatsapp.campaigns.tracking");
			assertThat(request.parameters()).containsEntry("account_id", "acc-1")
				.containsEntry("campaign_uid", "custom");
			assertThat(request.carriedKey(InsprlStub.CLIENT_KEY)).isTrue();
		});
		try (InsprlClient wrongKey = client("not-the-test-key", Duration.ofSeconds(5))) {
			assertThatExceptionOfType(InsprlAuthenticationException.class)
				.isThrownBy(() -> new InsprlWhatsAppService(wrongKey, null).campaignTracking("acc-1", "cmp"))
				.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(401));
		}
		assertThatExceptionOfType(InsprlRateLimitException.class)
			.isThrownBy(() -> this.whatsApp.campaignTracking("acc-1", "limited"))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(429));
	}

	@Test
	void addedAccountsAreAcceptedUntilReset() {
		this.stub.addAccount("customer-7", "ck-9b2e7d4f1a6c");
		assertThat(this.whatsApp.withCredentials("customer-7", "ck-9b2e7d4f1a6c").logout("x").code()).isEqualTo(100);
		assertThatExceptionOfType(InsprlAuthenticationException.class)
			.isThrownBy(() -> this.whatsApp.withCredentials("customer-7", InsprlStub.CLIENT_KEY).logout("x"));
		this.stub.reset();
		assertThatExceptionOfType(InsprlAuthenticationException.class)
			.isThrownBy(() -> this.whatsApp.withCredentials("customer-7", "ck-9b2e7d4f1a6c").logout("x"));
	}

	@Test
	void timingOutEndsAtTheClientsDeadline() {
		this.stub.logout("slow").timesOut();
		try (InsprlClient impatient = client(InsprlStub.CLIENT_KEY, Duration.ofMillis(200))) {
			assertThatExceptionOfType(InsprlConnectionException.class)
				.isThrownBy(() -> new InsprlWhatsAppService(impatient, null).logout("slow"))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.TIMEOUT));
		}
	}

	@Test
	void requestsAreRecordedUntilReset() {
		this.whatsApp.logout("a");
		this.whatsApp.logout("b");
		this.whatsApp.logout("a");
		assertThat(this.stub.loggedOutInstances()).containsExactly("a", "b", "a");
		assertThat(this.stub.logoutsOf("a")).isEqualTo(2);
		assertThat(this.stub.requests()).allSatisfy((request) -> {
			assertThat(request.operation()).isEqualTo("whatsapp.instance.logout");
			assertThat(request.clientId()).isEqualTo(InsprlStub.CLIENT_ID);
		});
		this.stub.logout("a").rejectsCredentials();
		this.stub.reset();
		assertThat(this.stub.requests()).isEmpty();
		assertThat(this.whatsApp.logout("a").code()).isEqualTo(100);
	}

}
