package com.insprl.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.autoconfigure.InsprlAutoConfiguration;
import com.insprl.client.InsprlCallEvent;
import com.insprl.client.InsprlCallListener;
import com.insprl.client.InsprlException;
import com.insprl.health.internal.InsprlHealthIndicator;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.whatsapp.InsprlWhatsAppService;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each call is an {@code insprl.api.calls} observation: its timer carries the tags users
 * already have, a custom convention replaces the default, each attempt's
 * {@code http.client.requests} observation nests in it, and the health indicator follows
 * real calls.
 */
class InsprlObservationTests {

	static final String PATH = "/api/whatsapp/instance/logout";

	static final int[] DOCUMENTED = { 100, 101, 102, 103, 104, 105, 129 };

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, InsprlAutoConfiguration.class))
		.withPropertyValues("insprl.client-id=client-42", "insprl.client-key=key-1",
				"insprl.base-url=" + insprl.baseUrl() + "/api", "insprl.retry.initial-backoff=1ms",
				"insprl.retry.max-backoff=2ms");

	/**
	 * With metrics, and without the pause a usage limit (code 129) sets, so that the
	 * calls after one are still sent and their outcomes timed.
	 */
	private final ApplicationContextRunner withMetrics = this.contextRunner
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				RestClientObservationAutoConfiguration.class))
		.withPropertyValues("insprl.usage-limit-pause=0");

	private static void reply(String instance, int status, String body) {
		insprl.stubFor(post(PATH).withRequestBody(matching(".*instance_id=" + instance))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

	@Test
	void eachOutcomeIsTimedWithItsTags() {
		insprl.stubFor(post(PATH).withRequestBody(matching(".*instance_id=ok"))
			.willReturn(okJson("{\"code\":\"100\",\"message\":\"success\",\"result\":\"done\"}")));
		reply("auth", 200, "{\"code\":\"101\",\"message\":\"Invalid\"}");
		reply("invalid", 200, "{\"code\":\"102\",\"message\":[\"bad\"]}");
		reply("limited", 429, "{\"code\":129,\"message\":\"DAILY_LIMIT_REACHED\"}");
		reply("restricted", 403, "{\"code\":103,\"message\":\"ACCOUNT_TEMP_BLOCKED\"}");
		reply("html", 200, "<html>Oops!</html>");
		this.withMetrics.run((context) -> {
			InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
			service.logout("ok");
			service.logout("ok");
			for (String failing : new String[] { "auth", "invalid", "limited", "restricted", "html" }) {
				assertThatExceptionOfType(InsprlException.class).isThrownBy(() -> service.logout(failing));
			}
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(timer(registry, "success", "100").count()).isEqualTo(2);
			assertThat(timer(registry, "authentication", "101").count()).isEqualTo(1);
			assertThat(timer(registry, "validation", "102").count()).isEqualTo(1);
			assertThat(timer(registry, "rate_limited", "129").count()).isEqualTo(1);
			assertThat(timer(registry, "api_error", "103").count()).isEqualTo(1);
			assertThat(timer(registry, "connection", "none").count()).isEqualTo(1);
			assertThat(registry.find("insprl.api.calls").timers()).hasSize(6);
			assertThat(registry.find("http.client.requests").timers()).as("Boot's own HTTP client metric")
				.isNotEmpty()
				.allSatisfy((timer) -> assertThat(timer.getId().getTag("uri"))
					.as("the base URL's path and the operation's, as Spring tags them")
					.isEqualTo("/api/whatsapp/instance/logout"));
		});
	}

	@Test
	void codesFromTheServerMakeABoundedSetOfMeters() {
		List<InsprlCallEvent> events = new CopyOnWriteArrayList<>();
		this.withMetrics.withPropertyValues("insprl.retry.max-attempts=1")
			.withBean(InsprlCallListener.class, () -> events::add)
			.run((context) -> {
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				int[] codes = IntStream.rangeClosed(1, 300)
					.map((i) -> (i <= DOCUMENTED.length) ? DOCUMENTED[i - 1] : 1000 + i)
					.toArray();
				for (int code : codes) {
					insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":" + code + ",\"message\":\"m\"}")));
					try {
						service.logout("inst-" + code);
					}
					catch (InsprlException ex) {
						// every code but 100 fails the call
					}
				}
				insprl.stubFor(post(PATH).willReturn(okJson("{\"message\":\"no code\"}")));
				assertThatExceptionOfType(InsprlException.class).isThrownBy(() -> service.logout("none"));
				List<Meter> meters = registry.getMeters()
					.stream()
					.filter((meter) -> meter.getId().getName().startsWith("insprl."))
					.toList();
				assertThat(meters).hasSizeLessThanOrEqualTo(12);
				assertThat(registry.find("insprl.api.calls").timers())
					.extracting((timer) -> timer.getId().getTag("code"))
					.containsExactlyInAnyOrder("100", "101", "102", "103", "104", "105", "129", "other", "none");
				assertThat(registry.find("insprl.api.calls").tag("code", "other").timer().count()).isEqualTo(293);
				assertThat(events).hasSize(301);
				assertThat(events.stream().map(InsprlCallEvent::code).distinct().count()).as("exact codes on events")
					.isEqualTo(301);
			});
	}

	@Test
	void theExactCodeIsAHighCardinalityValue() {
		insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":4711,\"message\":\"odd\"}")));
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.contextRunner.withBean(TestObservationRegistry.class, () -> observations)
			.withPropertyValues("insprl.retry.max-attempts=1")
			.run((context) -> {
				assertThatExceptionOfType(InsprlException.class)
					.isThrownBy(() -> context.getBean(InsprlWhatsAppService.class).logout("odd"));
				TestObservationRegistryAssert.assertThat(observations)
					.hasObservationWithNameEqualTo("insprl.api.calls")
					.that()
					.hasLowCardinalityKeyValue("code", "other")
					.hasHighCardinalityKeyValue("reply.code", "4711");
			});
	}

	@Test
	void eachAttemptIsObservedWithinTheCall() {
		insprl.stubFor(post(PATH).willReturn(serviceUnavailable()));
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.contextRunner.withConfiguration(AutoConfigurations.of(RestClientObservationAutoConfiguration.class))
			.withBean(TestObservationRegistry.class, () -> observations)
			.withPropertyValues("insprl.retry.max-attempts=2")
			.run((context) -> {
				assertThatExceptionOfType(InsprlException.class)
					.isThrownBy(() -> context.getBean(InsprlWhatsAppService.class).logout("busy"));
				TestObservationRegistryAssert.assertThat(observations)
					.hasNumberOfObservationsWithNameEqualTo("insprl.api.calls", 1)
					.hasNumberOfObservationsWithNameEqualTo("http.client.requests", 2)
					.hasObservationWithNameEqualTo("insprl.api.calls")
					.that()
					.hasBeenStarted()
					.hasBeenStopped()
					.hasError()
					.hasContextualNameEqualTo("insprl whatsapp.instance.logout")
					.hasLowCardinalityKeyValue("outcome", "api_error")
					.hasLowCardinalityKeyValue("code", "none")
					.hasHighCardinalityKeyValue("attempts", "2");
				TestObservationRegistryAssert.assertThat(observations)
					.hasObservationWithNameEqualTo("http.client.requests")
					.that()
					.hasParentObservationContextMatching((parent) -> parent.getName().equals("insprl.api.calls"));
			});
	}

	@Test
	void aConventionBeanReplacesTheDefault() {
		insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":\"100\",\"message\":\"success\"}")));
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.contextRunner.withBean(TestObservationRegistry.class, () -> observations)
			.withBean(InsprlObservationConvention.class, () -> new InsprlObservationConvention() {

				@Override
				public String getName() {
					return "whatsapp.calls";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(InsprlObservationContext context) {
					return InsprlObservationConvention.super.getLowCardinalityKeyValues(context).and("tenant", "acme");
				}

			})
			.run((context) -> {
				context.getBean(InsprlWhatsAppService.class).logout("ok");
				TestObservationRegistryAssert.assertThat(observations)
					.hasObservationWithNameEqualTo("whatsapp.calls")
					.that()
					.hasLowCardinalityKeyValue("tenant", "acme")
					.hasLowCardinalityKeyValue("outcome", "success");
			});
	}

	@Test
	void healthFollowsRejectedCredentialsUntilASuccess() {
		insprl.stubFor(post(PATH).withRequestBody(matching(".*instance_id=ok"))
			.willReturn(okJson("{\"code\":\"100\",\"message\":\"success\"}")));
		reply("auth", 200, "{\"code\":\"101\",\"message\":\"Invalid\"}");
		this.contextRunner.run((context) -> {
			InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
			InsprlHealthIndicator health = context.getBean(InsprlHealthIndicator.class);
			assertThatExceptionOfType(InsprlException.class).isThrownBy(() -> service.logout("auth"));
			assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
			service.logout("ok");
			assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
		});
	}

	private static Timer timer(MeterRegistry registry, String outcome, String code) {
		Timer timer = registry.find("insprl.api.calls")
			.tag("operation", "whatsapp.instance.logout")
			.tag("outcome", outcome)
			.tag("code", code)
			.timer();
		assertThat(timer).as("timer for %s/%s", outcome, code).isNotNull();
		return timer;
	}

}
