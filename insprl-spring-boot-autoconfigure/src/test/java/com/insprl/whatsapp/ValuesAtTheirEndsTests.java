package com.insprl.whatsapp;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.client.InsprlCallOptions;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlConnectionException;
import com.insprl.client.InsprlRateLimitException;
import com.insprl.client.internal.RetryAfter;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.testing.TestAccount;
import com.insprl.testing.Transports;
import com.insprl.whatsapp.campaign.CampaignTracking;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Values at the ends of their ranges, from a server or a caller: a {@code Retry-After} of
 * more seconds than any type holds, a call timeout meaning "no limit", numeric text of
 * 900,000 digits. No exception of the JDK escapes, and each reads as the bound it is held
 * to.
 */
class ValuesAtTheirEndsTests {

	private static final String LOGOUT = "/api/whatsapp/instance/logout";

	private static final String TRACKING = "/api/whatsapp/v1/campaigns/tracking";

	private static final String OK = "{\"code\":\"100\",\"message\":\"success\",\"result\":\"ok\"}";

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	static final InsprlHttpTransport transport = Transports.detect();

	@AfterAll
	static void closeTransport() {
		transport.close();
	}

	private static InsprlWhatsAppService service() {
		return new InsprlWhatsAppService(InsprlClient.builder()
			.transport(transport)
			.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
			.baseUrl(insprl.baseUrl() + "/api")
			.credentials(TestAccount.credentials())
			.maxAttempts(1)
			.build(), null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "99999999999999999", "9223372036854775807", "9223372036854775808",
			"99999999999999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT" })
	void aRetryAfterTooLongToHoldPausesTheAccountForTheLongestPause(String retryAfter) {
		insprl.stubFor(post(LOGOUT).willReturn(aResponse().withStatus(429)
			.withHeader("Retry-After", retryAfter)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":129,\"message\":\"Too many requests\"}")));
		InsprlWhatsAppService service = service();
		assertThatExceptionOfType(InsprlRateLimitException.class).isThrownBy(() -> service.logout("inst-1"))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).get()
				.satisfies((wait) -> assertThat(wait).isLessThanOrEqualTo(RetryAfter.MAX)
					.isGreaterThan(RetryAfter.MAX.minusDays(1))));
		assertThatExceptionOfType(InsprlRateLimitException.class).isThrownBy(() -> service.logout("inst-2"))
			.satisfies((ex) -> assertThat(ex.isRefusedByClient()).as("the account is paused").isTrue());
		insprl.verify(1, postRequestedFor(urlEqualTo(LOGOUT)));
	}

	@Test
	void aBulkLogoutMeetingSuchARetryAfterHasAResultForEveryId() {
		insprl.stubFor(post(LOGOUT).willReturn(aResponse().withStatus(429)
			.withHeader("Retry-After", "99999999999999999")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":129,\"message\":\"Too many requests\"}")));
		List<String> ids = List.of("a", "b", "c", "d", "e");
		BulkLogoutResult result = service().logoutAll(ids);
		assertThat(result.succeeded().size() + result.failed().size()).isEqualTo(ids.size());
		assertThat(result.failed()).containsOnlyKeys(ids)
			.allSatisfy((id, failure) -> assertThat(failure).isInstanceOf(InsprlRateLimitException.class));
	}

	@Test
	void aNegativeOrEmptyRetryAfterIsIgnored() {
		for (String retryAfter : new String[] { "-1", "", " ", "-99999999999999999999", "soon" }) {
			assertThat(RetryAfter.parse(retryAfter)).as("'%s'", retryAfter).isNull();
		}
		assertThat(RetryAfter.parse("Thu, 01 Jan 1970 00:00:00 GMT")).isZero();
		assertThat(RetryAfter.parse("30")).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aCallTimeoutOfLongMaxValueSecondsMeansAsLongAsTheOtherBoundsAllow() {
		insprl.stubFor(post(LOGOUT).willReturn(okJson(OK)));
		InsprlWhatsAppService patient = service()
			.withOptions(InsprlCallOptions.builder().callTimeout(Duration.ofSeconds(Long.MAX_VALUE)).build());
		assertThat(patient.logout("inst-1").code()).isEqualTo(100);
		InsprlWhatsAppService configured = new InsprlWhatsAppService(InsprlClient.builder()
			.transport(transport)
			.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
			.callTimeout(Duration.ofDays(1_000_000))
			.baseUrl(insprl.baseUrl() + "/api")
			.credentials(TestAccount.credentials())
			.build(), null);
		assertThat(configured.logout("inst-1").code()).isEqualTo(100);
	}

	/**
	 * Numeric text longer than an {@code int} or a {@code double} can hold reads as
	 * {@code null}, and an exponent that would make a number of a billion digits is not
	 * expanded.
	 */
	@Test
	void numericTextBeyondTheNumberTypesReadsAsNull() {
		String digits = "9".repeat(900_000);
		insprl.stubFor(post(TRACKING).willReturn(okJson("{\"code\":100,\"data\":{\"campaign\":{\"total\":\"" + digits
				+ "\",\"sent\":\"1e999999999\",\"delivered\":1e999999999,\"delivery_rate\":\"0."
				+ digits.substring(0, 100_000) + "\",\"read\":\"7\"}}}")));
		CampaignTracking.Campaign campaign = service().campaignTracking("acc-1", "cmp-9").campaign();
		assertThat(campaign.total()).isNull();
		assertThat(campaign.sent()).isNull();
		assertThat(campaign.delivered()).isNull();
		assertThat(campaign.deliveryRate()).isNull();
		assertThat(campaign.read()).isEqualTo(7);
	}

	/**
	 * Durations and counts drawn across their whole range, from nanoseconds to
	 * {@code Long.MAX_VALUE} seconds, negative and zero included, for a call's options
	 * and the client's timeouts: each is refused where it is given, naming what to fix,
	 * or the call works (or, given less than a second, ends as the timeout it asked for).
	 */
	@Test
	void anyDurationOrCountACallerGivesIsRefusedNamingItOrWorks() {
		insprl.stubFor(post(LOGOUT).willReturn(okJson(OK)));
		long seed = Long.getLong("insprl.fuzz.seed", System.nanoTime());
		Random random = new Random(seed);
		InsprlWhatsAppService service = service();
		for (int i = 0; i < 200; i++) {
			Duration callTimeout = anyDuration(random);
			int maxAttempts = anyCount(random);
			String context = "seed " + seed + ": callTimeout " + callTimeout + ", maxAttempts " + maxAttempts;
			InsprlCallOptions options;
			try {
				options = InsprlCallOptions.builder().callTimeout(callTimeout).maxAttempts(maxAttempts).build();
			}
			catch (IllegalArgumentException ex) {
				assertThat(ex.getMessage()).as(context).containsAnyOf("callTimeout", "maxAttempts");
				continue;
			}
			assertWorks(() -> service.withOptions(options).logout("inst-1"), callTimeout, context);
		}
		for (int i = 0; i < 30; i++) {
			Duration connect = anyDuration(random);
			Duration read = anyDuration(random);
			String context = "seed " + seed + ": timeouts " + connect + ", " + read;
			InsprlClient client;
			try {
				client = InsprlClient.builder()
					.transport(transport)
					.timeouts(connect, read)
					.baseUrl(insprl.baseUrl() + "/api")
					.credentials(TestAccount.credentials())
					.build();
			}
			catch (IllegalArgumentException ex) {
				assertThat(ex.getMessage()).as(context).containsAnyOf("connectTimeout", "readTimeout");
				continue;
			}
			assertWorks(() -> new InsprlWhatsAppService(client, null).logout("inst-1"), connect.plus(read), context);
		}
	}

	private static void assertWorks(Supplier<LogoutResult> call, Duration allowed, String context) {
		try {
			assertThat(call.get().code()).as(context).isEqualTo(100);
		}
		catch (InsprlConnectionException ex) {
			assertThat(allowed).as("%s ended in %s", context, ex).isLessThan(Duration.ofSeconds(1));
			assertThat(ex.getReason()).as(context).isEqualTo(InsprlConnectionException.Reason.TIMEOUT);
		}
	}

	private static Duration anyDuration(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> Duration.ofNanos(random.nextLong());
			case 1 -> Duration.ofMillis(random.nextInt(10_000) - 100);
			case 2 -> Duration.ofSeconds(random.nextLong());
			case 3 -> Duration.ofSeconds(Long.MAX_VALUE);
			case 4 -> Duration.ofDays(random.nextInt(100_000));
			default -> Duration.ofSeconds(1 + random.nextInt(60));
		};
	}

	private static int anyCount(Random random) {
		return switch (random.nextInt(3)) {
			case 0 -> random.nextInt();
			case 1 -> Integer.MAX_VALUE;
			default -> 1 + random.nextInt(5);
		};
	}

}
