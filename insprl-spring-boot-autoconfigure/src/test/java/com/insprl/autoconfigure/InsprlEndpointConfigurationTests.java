package com.insprl.autoconfigure;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.actuate.internal.InsprlCallHistory;
import com.insprl.actuate.internal.InsprlEndpoint;
import com.insprl.actuate.internal.InsprlEndpointWebExtension;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlCredentials;
import com.insprl.client.InsprlRateLimitException;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.KeyRuns;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.testing.TestAccount;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jmx.JmxEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jmx.JmxAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link InsprlEndpointConfiguration} and the {@code insprl} endpoint it
 * creates, read and written as beans and over JMX. (The web stack is exercised by the
 * sample application's tests.)
 */
class InsprlEndpointConfigurationTests {

	private static final String KEY = TestAccount.KEY;

	private static final String LIMITED = "{\"code\":129,\"message\":\"DAILY_LIMIT_REACHED\"}";

	private static final String SUCCESS = "{\"code\":\"100\",\"message\":\"success\",\"result\":\"sent\"}";

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, InsprlAutoConfiguration.class))
		.withPropertyValues("insprl.client-id=client-42", "insprl.client-key=" + KEY,
				"insprl.base-url=" + insprl.baseUrl(), "insprl.whatsapp.instance-id=instance-1");

	@Test
	void theEndpointIsOffUntilTheApplicationExposesIt() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(InsprlEndpoint.class)
			.doesNotHaveBean(InsprlCallHistory.class));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=insprl")
			.run((context) -> assertThat(context).hasSingleBean(InsprlEndpoint.class)
				.hasSingleBean(InsprlEndpointWebExtension.class)
				.hasSingleBean(InsprlCallHistory.class));
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=insprl", "insprl.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(InsprlEndpoint.class));
	}

	@Test
	void aPausedAccountIsShownWithWhyAndLiftedAndTheNextCallIsSent() {
		insprl.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withBody(LIMITED)));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=insprl").run((context) -> {
			InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
			InsprlEndpoint endpoint = context.getBean(InsprlEndpoint.class);
			assertThatExceptionOfType(InsprlRateLimitException.class).isThrownBy(service::logout);
			InsprlEndpoint.InsprlDescriptor read = endpoint.insprl();
			assertThat(read.pauses().accounts()).singleElement().satisfies((pause) -> {
				assertThat(pause.clientId()).isEqualTo("client-42");
				assertThat(pause.reason()).isEqualTo("usage limit DAILY_LIMIT_REACHED (HTTP 429, code 129)");
				assertThat(pause.remainingSeconds()).isBetween(240L, 300L);
			});
			assertThat(read.pauses().more()).isFalse();
			assertThat(read.rateLimit()).containsEntry("store", "none");
			assertThat(read.operations().get("whatsapp.instance.logout")).satisfies((logout) -> {
				assertThat(logout.calls()).isOne();
				assertThat(logout.lastFailures()).singleElement().satisfies((call) -> {
					assertThat(call.code()).isEqualTo(129);
					assertThat(call.outcome()).isEqualTo("rate_limited");
					assertThat(call.reason()).contains("usage limit");
				});
			});
			assertThat(read.configuration()).containsEntry("baseUrl", insprl.baseUrl())
				.containsEntry("clientId", "client-42")
				.containsEntry("clientLibrary", context.getBean(InsprlHttpTransport.class).getLibrary())
				.containsEntry("callTimeout", "1m")
				.containsEntry("rateLimit", Map.of("enabled", false));
			KeyRuns.assertNone(KEY, JsonMapper.builder().build().writeValueAsString(read));
			insprl.resetAll();
			insprl.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody(SUCCESS)));
			InsprlEndpointWebExtension web = context.getBean(InsprlEndpointWebExtension.class);
			WebEndpointResponse<InsprlEndpoint.LiftedPause> lifted = web.liftPause("client-42");
			assertThat(lifted.getStatus()).isEqualTo(200);
			assertThat(lifted.getBody()).isEqualTo(new InsprlEndpoint.LiftedPause("client-42", true));
			assertThat(web.liftPause("client-42").getStatus()).as("not paused").isEqualTo(404);
			assertThat(web.liftPause("customer-7").getStatus()).as("never paused").isEqualTo(404);
			assertThat(service.logout().code()).isEqualTo(100);
			assertThat(insprl.getAllServeEvents()).hasSize(1);
			assertThat(endpoint.insprl().pauses().accounts()).isEmpty();
		});
	}

	/**
	 * A server that echoes the key, as it is and as a flag, in a 429's messages: the
	 * pause's reason and the failures the endpoint shows hold no run of it.
	 */
	@Test
	void aKeyEchoedByTheServerIsShownNowhere() {
		String key = "KEY_OF_CLIENT_FORTY_TWO";
		insprl.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429)
			.withBody("{\"code\":129,\"message\":[\"" + key + "\",\"DAILY_LIMIT_REACHED\",\"bad key " + key + "\"]}")));
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=insprl", "insprl.client-key=" + key)
			.run((context) -> {
				assertThatExceptionOfType(InsprlRateLimitException.class)
					.isThrownBy(context.getBean(InsprlWhatsAppService.class)::logout);
				InsprlEndpoint.InsprlDescriptor read = context.getBean(InsprlEndpoint.class).insprl();
				assertThat(read.pauses().accounts()).singleElement()
					.extracting(InsprlEndpoint.PauseDescriptor::reason)
					.isEqualTo("usage limit DAILY_LIMIT_REACHED (HTTP 429, code 129)");
				assertThat(read.operations().get("whatsapp.instance.logout").lastFailures()).singleElement()
					.satisfies((call) -> assertThat(call.reason()).contains("DAILY_LIMIT_REACHED"));
				KeyRuns.assertNone(key, JsonMapper.builder().build().writeValueAsString(read));
			});
	}

	@Test
	void theRateLimitIsShownWithItsStore() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=insprl", "insprl.rate-limit.enabled=true",
					"insprl.rate-limit.requests-per-second=5", "insprl.rate-limit.burst=2")
			.run((context) -> {
				InsprlEndpoint.InsprlDescriptor read = context.getBean(InsprlEndpoint.class).insprl();
				assertThat(read.rateLimit()).containsEntry("store", "local")
					.containsEntry("requestsPerSecond", 5.0)
					.containsEntry("burst", 2);
				assertThat(read.configuration().get("rateLimit"))
					.isEqualTo(Map.of("enabled", true, "store", "local", "maxWait", "10s", "failOpen", true));
			});
	}

	/**
	 * Over JMX, as Spring Boot exposes its own endpoints there: read through the MBean
	 * server, then the pause lifted by its operation.
	 */
	@Test
	void theEndpointIsReadAndWrittenOverJmx() {
		insprl.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withBody(LIMITED)));
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(JmxAutoConfiguration.class, EndpointAutoConfiguration.class,
					JmxEndpointAutoConfiguration.class))
			.withPropertyValues("spring.jmx.enabled=true", "spring.jmx.unique-names=true",
					"management.endpoints.jmx.exposure.include=insprl")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(InsprlEndpointWebExtension.class);
				assertThatExceptionOfType(InsprlRateLimitException.class)
					.isThrownBy(context.getBean(InsprlWhatsAppService.class)::logout);
				MBeanServer server = ManagementFactory.getPlatformMBeanServer();
				Set<ObjectName> names = server
					.queryNames(new ObjectName("org.springframework.boot:type=Endpoint,name=Insprl,*"), null);
				assertThat(names).hasSize(1);
				ObjectName name = names.iterator().next();
				Object read = server.invoke(name, "insprl", new Object[0], new String[0]);
				assertThat(read).asString().contains("client-42").contains("DAILY_LIMIT_REACHED").doesNotContain(KEY);
				assertThat(((Map<?, ?>) ((Map<?, ?>) read).get("pauses")).get("accounts"))
					.asInstanceOf(InstanceOfAssertFactories.LIST)
					.hasSize(1);
				Object lifted = server.invoke(name, "liftPause", new Object[] { "client-42" },
						new String[] { String.class.getName() });
				assertThat(lifted).isEqualTo(Map.of("clientId", "client-42", "lifted", true));
				assertThat(server.invoke(name, "liftPause", new Object[] { "client-42" },
						new String[] { String.class.getName() }))
					.as("not paused")
					.isNull();
				assertThat(context.getBean(InsprlEndpoint.class).insprl().pauses().accounts()).isEmpty();
			});
	}

	@Test
	void theApplicationsOwnEndpointBeanIsKept() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=insprl")
			.withBean("myInsprlEndpoint", InsprlEndpoint.class,
					() -> new InsprlEndpoint(InsprlClient.builder()
						.baseUrl("https://insprl.com/api")
						.timeouts(Duration.ofSeconds(1), Duration.ofSeconds(5))
						.credentials(new InsprlCredentials("client-9", "key-9"))
						.build(), new InsprlCallHistory(), Map.of()))
			.run((context) -> assertThat(context).getBeanNames(InsprlEndpoint.class)
				.containsExactly("myInsprlEndpoint"));
	}

}
