package com.insprl.autoconfigure;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlRateLimitException;
import com.insprl.health.internal.InsprlHealthIndicator;
import com.insprl.ratelimit.InsprlRateLimiter;
import com.insprl.ratelimit.internal.ObservedRateLimiter;
import com.insprl.ratelimit.internal.StoreHealth;
import com.insprl.testing.LoopbackRedis;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.testing.TestAccount;
import com.insprl.whatsapp.InsprlWhatsAppService;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link InsprlRateLimitConfiguration}.
 */
class InsprlRateLimitConfigurationTests {

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, InsprlAutoConfiguration.class))
		.withPropertyValues("insprl.client-id=" + TestAccount.CLIENT_ID, "insprl.client-key=" + TestAccount.KEY,
				"insprl.base-url=" + insprl.baseUrl() + "/api");

	@Test
	void offByDefault() {
		this.contextRunner
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(InsprlRateLimiter.class));
	}

	@Test
	void aCallBeyondTheLocalBudgetIsRefusedUnsentWithTheWait() {
		insprl.stubFor(post("/api/whatsapp/instance/logout").willReturn(okJson("{\"code\":\"100\"}")));
		this.contextRunner
			.withPropertyValues("insprl.rate-limit.enabled=true", "insprl.rate-limit.requests-per-second=0.01",
					"insprl.rate-limit.burst=2", "insprl.rate-limit.max-wait=0s")
			.run((context) -> {
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				service.logout("a");
				service.logout("b");
				assertThatExceptionOfType(InsprlRateLimitException.class).isThrownBy(() -> service.logout("c"))
					.satisfies((ex) -> {
						assertThat(ex.getAttempts()).isZero();
						assertThat(ex.getRetryAfter()).isPresent();
						assertThat(ex.isPossiblyProcessed()).isFalse();
					})
					.withMessageContaining("was not sent");
				assertThat(insprl.getAllServeEvents()).hasSize(2);
				assertThat(context.getBean(InsprlHealthIndicator.class).health(true).getDetails().get("rateLimit"))
					.hasToString("{store=local, requestsPerSecond=0.01, burst=2}");
			});
	}

	@Test
	void retriesDrawFromTheSameBudget() {
		insprl.stubFor(post("/api/whatsapp/instance/logout").willReturn(serviceUnavailable()));
		this.contextRunner
			.withPropertyValues("insprl.rate-limit.enabled=true", "insprl.rate-limit.requests-per-second=0.01",
					"insprl.rate-limit.burst=2", "insprl.rate-limit.max-wait=0s", "insprl.retry.initial-backoff=1ms",
					"insprl.retry.max-backoff=2ms")
			.run((context) -> {
				assertThatExceptionOfType(InsprlRateLimitException.class)
					.isThrownBy(() -> context.getBean(InsprlWhatsAppService.class).logout("a"))
					.satisfies((ex) -> {
						assertThat(ex.isRefusedByClient()).isTrue();
						assertThat(ex.getAttempts()).as("two attempts sent, the third refused").isEqualTo(2);
					});
				assertThat(insprl.getAllServeEvents()).hasSize(2);
			});
	}

	@Test
	void permitsAreObservedWithTheirOutcome() {
		insprl.stubFor(post("/api/whatsapp/instance/logout").willReturn(okJson("{\"code\":\"100\"}")));
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.contextRunner.withBean(TestObservationRegistry.class, () -> observations)
			.withPropertyValues("insprl.rate-limit.enabled=true", "insprl.rate-limit.requests-per-second=0.01",
					"insprl.rate-limit.burst=1", "insprl.rate-limit.max-wait=0s")
			.run((context) -> {
				assertThat(context.getBean(InsprlRateLimiter.class)).isInstanceOf(ObservedRateLimiter.class);
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				service.logout("a");
				assertThatExceptionOfType(InsprlRateLimitException.class).isThrownBy(() -> service.logout("b"));
				TestObservationRegistryAssert.assertThat(observations)
					.hasNumberOfObservationsWithNameEqualTo("insprl.rate-limit", 2)
					.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("outcome", "permitted")
						.hasLowCardinalityKeyValue("store", "local"))
					.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("outcome", "refused"));
			});
	}

	@Test
	void offWithTheStarterItOpensNoRedisConnectionEvenWhileRedisIsDown() throws Exception {
		int down = LoopbackRedis.freePort();
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("insprl.enabled=false", "insprl.rate-limit.enabled=true",
					"insprl.rate-limit.requests-per-second=5", "insprl.rate-limit.store=redis",
					"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + down)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(InsprlRateLimiter.class)
				.doesNotHaveBean(InsprlClient.class)
				.doesNotHaveBean(InsprlHealthIndicator.class));
	}

	@Test
	void theRedisStoreStartsWhileRedisIsDown() throws Exception {
		int down = LoopbackRedis.freePort();
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("insprl.rate-limit.enabled=true", "insprl.rate-limit.requests-per-second=5",
					"insprl.rate-limit.store=redis", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + down)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(InsprlRateLimiter.class)
				.satisfies((limiter) -> assertThat(((StoreHealth) limiter).healthDetails()).containsEntry("state",
						"shared")));
	}

	@Test
	void aRateIsRequiredWhenEnabled() {
		this.contextRunner.withPropertyValues("insprl.rate-limit.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
				.contains("insprl.rate-limit.requests-per-second");
		});
		for (String invalid : List.of("insprl.rate-limit.burst=0", "insprl.rate-limit.max-wait=-1s",
				"insprl.rate-limit.store-timeout=0s", "insprl.rate-limit.store-timeout=-1s")) {
			this.contextRunner
				.withPropertyValues("insprl.rate-limit.enabled=true", "insprl.rate-limit.requests-per-second=5",
						invalid)
				.run((context) -> assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
					.contains(invalid.substring(0, invalid.indexOf('='))));
		}
	}

	@Test
	void redisWithoutARedisConnectionFailsStartupSayingWhatToAdd() {
		this.contextRunner
			.withPropertyValues("insprl.rate-limit.enabled=true", "insprl.rate-limit.requests-per-second=5",
					"insprl.rate-limit.store=redis")
			.run((context) -> assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
				.contains("insprl.rate-limit.store")
				.contains("spring-boot-starter-data-redis"));
	}

	@Test
	void missingSpringDataRedisFailsStartupOfTheRedisStoreSayingWhatToAdd() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("insprl.rate-limit.enabled=true", "insprl.rate-limit.requests-per-second=5",
					"insprl.rate-limit.store=redis")
			.run((context) -> assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
				.contains("insprl.rate-limit.store")
				.contains("spring-boot-starter-data-redis"));
	}

	@Test
	void withoutRedisOnTheClassPathTheLocalLimitWorks() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.lettuce", "org.springframework.data.redis"))
			.withPropertyValues("insprl.rate-limit.enabled=true", "insprl.rate-limit.requests-per-second=5")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(InsprlWhatsAppService.class)
				.getBean(InsprlRateLimiter.class)
				.satisfies((limiter) -> assertThat(((StoreHealth) limiter).healthDetails()).containsEntry("store",
						"local")));
	}

	@Test
	void withoutRedisTheApplicationIsUnaffectedUnlessItEnablesTheLimit() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.lettuce", "org.springframework.data.redis"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(InsprlWhatsAppService.class));
	}

}
