package com.insprl.health.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.client.InsprlCallEvent;
import com.insprl.client.InsprlCallEvent.Outcome;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.testing.MutableClock;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InsprlHealthIndicator}.
 */
class InsprlHealthIndicatorTests {

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	private final MutableClock clock = new MutableClock();

	private final FakeProbe probe = new FakeProbe();

	private final InsprlHealthIndicator indicator = new InsprlHealthIndicator(this.probe, Duration.ofSeconds(30),
			"client-42", this.clock, this.clock);

	private static InsprlCallEvent call(Outcome outcome, Integer code) {
		return call(outcome, code, "client-42");
	}

	private static InsprlCallEvent call(Outcome outcome, Integer code, String clientId) {
		return new InsprlCallEvent("whatsapp.instance.logout", outcome, code, 1, Duration.ofMillis(12),
				Instant.parse("2026-11-25T10:00:00Z"), clientId);
	}

	@Test
	void anotherAccountsRejectedCredentialsLeaveHealthUp() {
		this.indicator.onCall(call(Outcome.AUTHENTICATION, 101, "customer-7"));
		assertThat(this.indicator.health(true).getStatus()).isEqualTo(Status.UP);
		InsprlHealthIndicator withoutDefaultAccount = new InsprlHealthIndicator(this.probe, Duration.ofSeconds(30),
				null, this.clock, this.clock);
		withoutDefaultAccount.onCall(call(Outcome.AUTHENTICATION, 101, "customer-7"));
		assertThat(withoutDefaultAccount.health(true).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void upWhenTheHostAnswersHttp() {
		this.probe.status = 404;
		Health health = this.indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("baseUrl", "https://insprl.com/api");
		assertThat(health.getDetails().get("probe")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("reachable", true)
			.containsEntry("answer", "HTTP 404");
	}

	@Test
	void baseUrlIsShownAsSchemeHostPortAndPathOnly() {
		InsprlReachabilityProbe probe = new InsprlReachabilityProbe(
				"https://user:sk-live-7f3a9c1e@insprl.example:8443/api?token=sk-live-7f3a9c1e#frag",
				ClientHttpRequestFactoryBuilder.jdk().build());
		assertThat(probe.getBaseUrl()).hasToString("https://insprl.example:8443/api");
	}

	@Test
	void downWhenTheHostCannotBeReached() {
		this.probe.failure = new ConnectException("Connection refused");
		Health health = this.indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("probe").toString()).contains("unreachable").contains("Connection refused");
	}

	@Test
	void probeResultIsCachedForTheTtl() {
		for (int i = 0; i < 100; i++) {
			this.indicator.health(true);
			this.clock.advance(Duration.ofMillis(250));
		}
		assertThat(this.probe.calls.get()).as("probes in 25 s of polling every 250 ms").isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(5));
		this.indicator.health(true);
		assertThat(this.probe.calls.get()).isEqualTo(2);
	}

	@Test
	void theCacheIsKeptWhateverTheWallClockDoes() {
		this.indicator.health(true);
		this.clock.step(Duration.ofHours(1));
		this.indicator.health(true);
		assertThat(this.probe.calls).as("a step forward does not end the TTL").hasValue(1);
		this.clock.step(Duration.ofHours(-2));
		this.clock.advance(Duration.ofSeconds(30));
		this.indicator.health(true);
		assertThat(this.probe.calls).as("a step back does not lengthen it").hasValue(2);
	}

	@Test
	void resetForgetsTheLastCallARejectedKeyAndTheProbe() {
		this.indicator.health(true);
		this.indicator.onCall(call(Outcome.AUTHENTICATION, 101));
		assertThat(this.indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
		this.indicator.reset();
		Health health = this.indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).doesNotContainKeys("lastCall", "credentials");
		assertThat(this.probe.calls).as("probed again").hasValue(2);
	}

	@Test
	void failedProbeIsCachedToo() {
		this.probe.failure = new IOException("timed out");
		this.indicator.health(true);
		this.indicator.health(true);
		assertThat(this.probe.calls.get()).isEqualTo(1);
		assertThat(this.indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void rejectedCredentialsMakeItDownUntilALaterSuccess() {
		this.indicator.onCall(call(Outcome.AUTHENTICATION, 101));
		Health down = this.indicator.health(true);
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails().get("credentials").toString()).contains("rejected").contains("insprl.client-key");
		assertThat(this.probe.calls.get()).as("no probe needed to know").isZero();
		this.indicator.onCall(call(Outcome.CONNECTION, null));
		assertThat(this.indicator.health(true).getStatus()).as("a failure of another kind does not clear it")
			.isEqualTo(Status.DOWN);
		this.indicator.onCall(call(Outcome.SUCCESS, 100));
		assertThat(this.indicator.health(true).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void detailsShowTheLastCall() {
		this.indicator.onCall(call(Outcome.VALIDATION, 102));
		Health health = this.indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("lastCall")).isEqualTo(Map.of("operation", "whatsapp.instance.logout",
				"outcome", "validation", "code", 102, "attempts", 1, "at", "2026-11-25T10:00:00Z"));
	}

	@Test
	void probeSendsOneHeadWithoutCredentialsAndAnyStatusIsUp() {
		insprl.stubFor(head(anyUrl()).willReturn(aResponse().withStatus(405)));
		InsprlHealthIndicator real = new InsprlHealthIndicator(realProbe(Duration.ofSeconds(10)),
				Duration.ofSeconds(30), "client-42");
		for (int i = 0; i < 20; i++) {
			assertThat(real.health(true).getStatus()).isEqualTo(Status.UP);
		}
		// counted on this test's own path: a slow probe of another test may still be held
		insprl.verify(1, anyRequestedFor(urlEqualTo("/api")));
		insprl.verify(1, headRequestedFor(urlEqualTo("/api")).withoutHeader("Authorization"));
	}

	@Test
	void probeThatTimesOutIsDownWithinTheProbeTimeout() {
		insprl.stubFor(head(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
		InsprlHealthIndicator real = new InsprlHealthIndicator(realProbe("/slow", Duration.ofMillis(500)),
				Duration.ofSeconds(30), "client-42");
		long start = System.nanoTime();
		Health health = real.health(true);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
	}

	private static InsprlReachabilityProbe realProbe(Duration timeout) {
		return realProbe("", timeout);
	}

	private static InsprlReachabilityProbe realProbe(String prefix, Duration timeout) {
		return new InsprlReachabilityProbe(insprl.baseUrl() + prefix + "/api", ClientHttpRequestFactoryBuilder.jdk()
			.build(HttpClientSettings.defaults().withTimeouts(timeout, timeout)));
	}

	static final class FakeProbe extends InsprlReachabilityProbe {

		final AtomicInteger calls = new AtomicInteger();

		int status = 200;

		IOException failure;

		FakeProbe() {
			super("https://insprl.com/api", ClientHttpRequestFactoryBuilder.jdk().build());
		}

		@Override
		public int probe() throws IOException {
			this.calls.incrementAndGet();
			if (this.failure != null) {
				throw this.failure;
			}
			return this.status;
		}

	}

}
