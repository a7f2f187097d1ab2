package com.insprl.metrics;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.autoconfigure.InsprlAutoConfiguration;
import com.insprl.autoconfigure.InsprlHealthContributorAutoConfiguration;
import com.insprl.autoconfigure.InsprlMetricsAutoConfiguration;
import com.insprl.client.InsprlException;
import com.insprl.health.InsprlHealthIndicator;
import com.insprl.whatsapp.InsprlWhatsAppService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link InsprlMetricsAutoConfiguration} and {@link InsprlMetricsListener}, and
 * for the health indicator following real calls.
 */
class InsprlMetricsTests {

	static final String PATH = "/api/whatsapp/instance/logout";

	@RegisterExtension
	static WireMockExtension insprl = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InsprlAutoConfiguration.class,
				InsprlHealthContributorAutoConfiguration.class, InsprlMetricsAutoConfiguration.class))
		.withPropertyValues("insprl.client-id=client-42", "insprl.client-key=key-1",
				"insprl.base-url=" + insprl.baseUrl() + "/api", "insprl.retry.initial-backoff=1ms",
				"insprl.retry.max-backoff=2ms");

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
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(InsprlMetricsListener.class);
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

	@Test
	void noMeterRegistryMeansNoMetricsListener() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(InsprlMetricsListener.class));
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
