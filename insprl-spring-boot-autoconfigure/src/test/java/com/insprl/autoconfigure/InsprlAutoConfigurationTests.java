package com.insprl.autoconfigure;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.client.InsprlApiException;
import com.insprl.client.InsprlCallEvent;
import com.insprl.client.InsprlCallListener;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlConnectionException;
import com.insprl.client.InsprlCredentials;
import com.insprl.health.internal.InsprlHealthIndicator;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.KeyRuns;
import com.insprl.testing.LateRequests;
import com.insprl.testing.LoopbackConnections;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.testing.RawHttpServer;
import com.insprl.testing.TestAccount;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.test.MockServerRestClientCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link InsprlAutoConfiguration}.
 */
@Isolated("finds the transport's deadline thread among the JVM's threads")
class InsprlAutoConfigurationTests {

	private static final String KEY = TestAccount.KEY;

	private static final String SUCCESS = "{\"code\":\"100\",\"message\":\"success\","
			+ "\"result\":\"Logout request sent to WhatsApp\"}";

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, InsprlAutoConfiguration.class));

	private ApplicationContextRunner withCredentials() {
		return this.contextRunner.withPropertyValues("insprl.client-id=client-42", "insprl.client-key=" + KEY,
				"insprl.base-url=" + insprl.baseUrl() + "/api");
	}

	@Test
	void validPropertiesCreateTheServiceAndClient() {
		withCredentials().withPropertyValues("insprl.whatsapp.instance-id=inst-1").run((context) -> {
			assertThat(context).hasSingleBean(InsprlWhatsAppService.class).hasSingleBean(InsprlClient.class);
			assertThat(context.getBean(InsprlWhatsAppService.class).getDefaultInstanceId()).isEqualTo("inst-1");
		});
	}

	@Test
	void startupMakesNoNetworkCall() {
		withCredentials().run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(InsprlHealthIndicator.class);
			assertThat(insprl.getAllServeEvents()).isEmpty();
		});
	}

	@Test
	void autoConfiguredServiceLogsOutOverTheWire() {
		insprl.stubFor(post("/api/whatsapp/instance/logout").willReturn(okJson(SUCCESS)));
		withCredentials().withPropertyValues("insprl.whatsapp.instance-id=inst-1").run((context) -> {
			assertThat(context.getBean(InsprlWhatsAppService.class).logout().result())
				.isEqualTo("Logout request sent to WhatsApp");
			insprl.verify(1,
					postRequestedFor(urlEqualTo("/api/whatsapp/instance/logout"))
						.withHeader("Authorization", equalTo(KEY))
						.withHeader("User-Agent", equalTo(InsprlClient.USER_AGENT))
						.withRequestBody(equalTo("client_id=client-42&instance_id=inst-1")));
		});
	}

	@Test
	void closingTheContextReleasesTheTransportThreadsAndConnections() throws Exception {
		insprl.stubFor(post("/api/whatsapp/instance/logout").willReturn(okJson(SUCCESS)));
		AtomicReference<Thread> deadlineThread = new AtomicReference<>();
		withCredentials().run((context) -> {
			// the transport's deadline thread starts with its first call; transports of
			// other tests may have left theirs
			Set<Thread> before = deadlineThreads();
			context.getBean(InsprlWhatsAppService.class).logout("inst-1");
			assertThat(LoopbackConnections.establishedTo(insprl.getPort())).as("a pooled connection").isIn(1, -1);
			Set<Thread> started = deadlineThreads();
			started.removeAll(before);
			assertThat(started).as("the deadline thread the call started").hasSize(1);
			deadlineThread.set(started.iterator().next());
		});
		deadlineThread.get().join(10_000);
		assertThat(deadlineThread.get().isAlive()).as("the deadline thread stopped with the context").isFalse();
		assertThat(LoopbackConnections.establishedTo(insprl.getPort())).as("connections left open").isIn(0, -1);
	}

	private static Set<Thread> deadlineThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith("insprl-deadline-"))
			.collect(Collectors.toCollection(HashSet::new));
	}

	@Test
	void restClientCustomizersApplyToTheClient() {
		insprl.stubFor(post("/api/whatsapp/instance/logout").willReturn(okJson(SUCCESS)));
		withCredentials().withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
			context.getBean(InsprlWhatsAppService.class).logout("inst-1");
			insprl.verify(postRequestedFor(urlEqualTo("/api/whatsapp/instance/logout")).withHeader("X-Customized",
					equalTo("yes")));
			// the application's own User-Agent gives way to the insprl client's, sent
			// once
			assertThat(insprl.findAll(postRequestedFor(urlEqualTo("/api/whatsapp/instance/logout")))
				.get(0)
				.getHeaders()
				.getHeader("User-Agent")
				.values()).containsExactly(InsprlClient.USER_AGENT);
		});
	}

	@Test
	void insprlClientBuilderCustomizersApplyToTheInsprlClientAloneAfterTheApplicationsCustomizers() {
		insprl.stubFor(post("/api/whatsapp/instance/logout").willReturn(okJson(SUCCESS)));
		withCredentials().withUserConfiguration(CustomizerConfiguration.class)
			.withBean(InsprlClientBuilderCustomizer.class,
					() -> (builder) -> builder
						.customizer((restClient) -> restClient.defaultHeader("X-Customized", "for insprl only")))
			.run((context) -> {
				context.getBean(InsprlWhatsAppService.class).logout("inst-1");
				assertThat(insprl.findAll(postRequestedFor(urlEqualTo("/api/whatsapp/instance/logout")))
					.get(0)
					.getHeaders()
					.getHeader("X-Customized")
					.values()).as("set after the application's customizer set it").containsExactly("for insprl only");
				insprl.stubFor(get("/own").willReturn(okJson("{}")));
				context.getBean(RestClient.Builder.class)
					.baseUrl(insprl.baseUrl())
					.build()
					.get()
					.uri("/own")
					.retrieve()
					.toBodilessEntity();
				assertThat(insprl.findAll(getRequestedFor(urlEqualTo("/own"))).get(0).getHeader("X-Customized"))
					.isEqualTo("yes");
			});
	}

	@Test
	void theApplicationsClientHttpRequestFactoryBuilderWithAProxyCarriesTheInsprlCalls() throws Exception {
		try (RawHttpServer proxy = RawHttpServer
			.start((exchange) -> exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
					+ SUCCESS.length() + "\r\n\r\n" + SUCCESS))) {
			InetSocketAddress address = new InetSocketAddress("127.0.0.1", URI.create(proxy.baseUrl()).getPort());
			this.contextRunner.withPropertyValues(TestAccount.properties())
				.withPropertyValues("insprl.base-url=http://localhost:9/api")
				.withBean(ClientHttpRequestFactoryBuilder.class,
						() -> ClientHttpRequestFactoryBuilder.jdk()
							.withHttpClientCustomizer((http) -> http.proxy(ProxySelector.of(address))))
				.run((context) -> {
					assertThat(context.getBean(InsprlWhatsAppService.class).logout("inst-1").code()).isEqualTo(100);
					assertThat(proxy.requests()).singleElement()
						.asString()
						.startsWith("POST http://localhost:9/api/whatsapp/instance/logout HTTP/1.1");
				});
		}
	}

	@Test
	void springBootsMockRestServiceServerCustomizerIsLeftToTheApplicationsOwnClients() {
		assertThat(InsprlAutoConfiguration.bindsMockServer(new MockServerRestClientCustomizer())).isTrue();
		assertThat(InsprlAutoConfiguration.bindsMockServer(new MockServerRestClientCustomizer() {
		})).as("a subclass").isTrue();
		assertThat(InsprlAutoConfiguration.bindsMockServer((builder) -> builder.defaultHeader("X-A", "b"))).isFalse();
	}

	@Test
	void runWhenDisabledShouldNotCreateBeans() {
		withCredentials().withPropertyValues("insprl.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InsprlWhatsAppService.class)
				.doesNotHaveBean(InsprlClient.class));
	}

	@Test
	void runWhenDisabledNeedsNoCredentials() {
		this.contextRunner.withPropertyValues("insprl.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(InsprlWhatsAppService.class));
	}

	@Test
	void userDefinedServiceAndClientWin() {
		withCredentials().withUserConfiguration(UserBeansConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(InsprlWhatsAppService.class).hasSingleBean(InsprlClient.class);
			assertThat(context.getBean(InsprlWhatsAppService.class))
				.isSameAs(context.getBean(UserBeansConfiguration.class).service);
			assertThat(context.getBean(InsprlClient.class))
				.isSameAs(context.getBean(UserBeansConfiguration.class).client);
		});
	}

	@Test
	void missingClientIdFailsStartupNamingThePropertyAndVariable() {
		this.contextRunner.withPropertyValues("insprl.client-key=" + KEY).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("insprl.client-id")
				.contains("is not set")
				.contains("INSPRL_CLIENT_ID")
				.contains("insprl.enabled=false");
		});
	}

	@Test
	void blankClientKeyFailsStartupNamingThePropertyAndVariable() {
		this.contextRunner.withPropertyValues("insprl.client-id=client-42", "insprl.client-key= ").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("insprl.client-key");
			assertThat(analysis.getAction()).contains("INSPRL_CLIENT_KEY");
		});
	}

	@Test
	void clientKeyWithLineBreakIsRefusedWithoutShowingIt() {
		this.contextRunner
			.withInitializer(
					(context) -> context.getEnvironment()
						.getPropertySources()
						.addFirst(new MapPropertySource("test", Map.of("insprl.client-id", "client-42",
								"insprl.client-key", "secret-part\r\nX-Injected: yes"))))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("insprl.client-key").contains("control characters");
				assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("secret-part");
				assertThat(context.getStartupFailure()).rootCause().message().doesNotContain("secret-part");
			});
	}

	@Test
	void environmentVariablesNamedInTheFailureReportBind() {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("systemEnvironment", Map.of("INSPRL_CLIENT_ID",
						"client-42", "INSPRL_CLIENT_KEY", KEY, "INSPRL_WHATSAPP_INSTANCE_ID", "inst-env"))))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(InsprlClient.class).getCredentials().getClientId()).isEqualTo("client-42");
				assertThat(context.getBean(InsprlWhatsAppService.class).getDefaultInstanceId()).isEqualTo("inst-env");
			});
	}

	@Test
	void timeoutsAreBoundAndApplied() {
		insprl.stubFor(post("/api/whatsapp/instance/logout").willReturn(okJson(SUCCESS).withFixedDelay(3000)));
		withCredentials()
			.withPropertyValues("insprl.connect-timeout=2s", "insprl.read-timeout=250ms", "insprl.retry.max-attempts=1")
			.run((context) -> {
				InsprlProperties properties = context.getBean(InsprlProperties.class);
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofMillis(250));
				long start = System.nanoTime();
				assertThatExceptionOfType(InsprlConnectionException.class)
					.isThrownBy(() -> context.getBean(InsprlWhatsAppService.class).logout("inst-1"))
					.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.TIMEOUT));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
			});
		LateRequests.awaitServed(insprl, 1);
	}

	@Test
	void theCallTimeoutIsBoundAndApplied() {
		insprl.stubFor(post("/api/whatsapp/instance/logout").willReturn(okJson(SUCCESS).withFixedDelay(3000)));
		withCredentials().withPropertyValues("insprl.call-timeout=1s").run((context) -> {
			assertThat(context.getBean(InsprlProperties.class).getCallTimeout()).isEqualTo(Duration.ofSeconds(1));
			long start = System.nanoTime();
			assertThatExceptionOfType(InsprlConnectionException.class)
				.isThrownBy(() -> context.getBean(InsprlWhatsAppService.class).logout("inst-1"))
				.satisfies((ex) -> {
					assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.TIMEOUT);
					assertThat(ex.getMessage()).endsWith("(call timeout 1s spent after 1 attempt)");
				});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		});
		LateRequests.awaitServed(insprl, 1);
		withCredentials().withPropertyValues("insprl.call-timeout=0s")
			.run((context) -> assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
				.contains("insprl.call-timeout"));
	}

	@Test
	void defaultTimeoutsAreFiveAndThirtySeconds() {
		withCredentials().run((context) -> {
			InsprlProperties properties = context.getBean(InsprlProperties.class);
			assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getCallTimeout()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.getBaseUrl()).isEqualTo(insprl.baseUrl() + "/api");
		});
		this.contextRunner.withPropertyValues("insprl.client-id=c", "insprl.client-key=k")
			.run((context) -> assertThat(context.getBean(InsprlProperties.class).getBaseUrl())
				.isEqualTo("https://insprl.com/api"));
	}

	@Test
	void nonPositiveTimeoutFailsStartup() {
		withCredentials().withPropertyValues("insprl.read-timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
				.contains("insprl.read-timeout");
		});
	}

	@Test
	void propertiesAndCredentialsMaskTheKeyInToString() {
		withCredentials().run((context) -> {
			assertThat(context.getBean(InsprlProperties.class).toString()).doesNotContain(KEY).contains("******");
			assertThat(context.getBean(InsprlClient.class).getCredentials().toString()).doesNotContain(KEY)
				.contains("client-42");
			assertThat(context.getBean(InsprlClient.class).toString()).doesNotContain(KEY);
		});
	}

	@Test
	void redirectsAreNotFollowedSoTheKeyNeverReachesAnotherHost() {
		WireMockServer elsewhere = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
		elsewhere.start();
		try {
			elsewhere.stubFor(post("/steal").willReturn(okJson(SUCCESS)));
			insprl.stubFor(post("/api/whatsapp/instance/logout").willReturn(aResponse().withStatus(307)
				.withHeader("Location", "http://localhost:" + elsewhere.port() + "/steal")));
			withCredentials().run((context) -> {
				assertThatExceptionOfType(InsprlConnectionException.class)
					.isThrownBy(() -> context.getBean(InsprlWhatsAppService.class).logout("inst-1"))
					.satisfies(
							(ex) -> assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.REDIRECTED));
				assertThat(elsewhere.getAllServeEvents()).isEmpty();
			});
		}
		finally {
			elsewhere.stop();
		}
	}

	@Test
	void httpBaseUrlToAnotherHostFailsStartup() {
		this.contextRunner
			.withPropertyValues("insprl.client-id=client-42", "insprl.client-key=" + KEY,
					"insprl.base-url=http://insprl.com/api")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("insprl.base-url")
					.contains("plain http")
					.contains("clear text");
			});
	}

	@Test
	void retryPropertiesAreBound() {
		insprl.stubFor(post("/api/whatsapp/instance/logout").willReturn(aResponse().withStatus(503)));
		withCredentials()
			.withPropertyValues("insprl.retry.max-attempts=4", "insprl.retry.initial-backoff=1ms",
					"insprl.retry.max-backoff=2ms", "insprl.retry.multiplier=1.5")
			.run((context) -> {
				InsprlProperties.Retry retry = context.getBean(InsprlProperties.class).getRetry();
				assertThat(retry.getMaxAttempts()).isEqualTo(4);
				assertThat(retry.getInitialBackoff()).isEqualTo(Duration.ofMillis(1));
				assertThat(retry.getMaxBackoff()).isEqualTo(Duration.ofMillis(2));
				assertThat(retry.getMultiplier()).isEqualTo(1.5);
				assertThatExceptionOfType(InsprlApiException.class)
					.isThrownBy(() -> context.getBean(InsprlWhatsAppService.class).logout("inst-1"))
					.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(4));
				assertThat(insprl.findAll(postRequestedFor(urlEqualTo("/api/whatsapp/instance/logout")))).hasSize(4);
			});
	}

	@Test
	void callListenerBeansAreToldOfEveryCall() {
		insprl.stubFor(post("/api/whatsapp/instance/logout").willReturn(okJson(SUCCESS)));
		List<InsprlCallEvent> events = new CopyOnWriteArrayList<>();
		withCredentials().withBean(InsprlCallListener.class, () -> events::add).run((context) -> {
			context.getBean(InsprlWhatsAppService.class).logout("inst-1");
			assertThat(events).singleElement().satisfies((event) -> {
				assertThat(event.operation()).isEqualTo("whatsapp.instance.logout");
				assertThat(event.outcome()).isEqualTo(InsprlCallEvent.Outcome.SUCCESS);
				assertThat(event.code()).isEqualTo(100);
				assertThat(event.attempts()).isEqualTo(1);
			});
		});
	}

	@Test
	void unresolvedPlaceholdersFailStartupNamingTheVariables() {
		this.contextRunner
			.withPropertyValues("insprl.client-id=${INSPRL_CLIENT_ID}", "insprl.client-key=${INSPRL_CLIENT_KEY}")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("insprl.client-id")
					.contains("unresolved placeholder")
					.contains("INSPRL_CLIENT_ID");
			});
		this.contextRunner.withPropertyValues("insprl.client-id=client-42", "insprl.client-key=${INSPRL_CLIENT_KEY}")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("insprl.client-key").contains("unresolved placeholder");
				assertThat(analysis.getAction()).contains("INSPRL_CLIENT_KEY");
			});
	}

	@Test
	void clientKeyOutsideVisibleAsciiFailsStartupWithoutShowingIt() {
		for (String key : new String[] { "secret-part-\u00e9", "secret-part-\u0436", "secret-part-\uD83D\uDE00",
				"secret-part-\u2028" }) {
			this.contextRunner
				.withInitializer((context) -> context.getEnvironment()
					.getPropertySources()
					.addFirst(new MapPropertySource("test",
							Map.of("insprl.client-id", "client-42", "insprl.client-key", key))))
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("insprl.client-key").contains("visible ASCII");
					assertThat(analysis.getAction()).contains("INSPRL_CLIENT_KEY");
					assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("secret-part");
					assertThat(context.getStartupFailure()).rootCause().message().doesNotContain("secret-part");
				});
		}
	}

	@Test
	void baseUrlCarryingAQueryFragmentOrUserInfoFailsStartupWithoutShowingIt() {
		for (String url : new String[] { "https://insprl.com/api?token=" + KEY, "https://insprl.com/api#" + KEY,
				"https://" + KEY + "@insprl.com/api" }) {
			AtomicReference<Environment> environment = new AtomicReference<>();
			withCredentials().withPropertyValues("insprl.base-url=" + url)
				.withInitializer((context) -> environment.set(context.getEnvironment()))
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(context.getStartupFailure()).rootCause().message().doesNotContain(KEY);
					FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure(), environment.get());
					assertThat(analysis.getDescription()).contains("insprl.base-url")
						.contains("query string, fragment or user info");
					assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(KEY);
				});
		}
	}

	@Test
	void maxConnectionsBelowOneFailsStartup() {
		withCredentials().withPropertyValues("insprl.max-connections=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
				.contains("insprl.max-connections");
		});
	}

	@Test
	void durationsInStartupMessagesReadAsTheUserWroteThem() {
		withCredentials().withPropertyValues("insprl.connect-timeout=-1s")
			.run((context) -> assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
				.contains("Invalid value '-1s'")
				.contains("must be positive"));
		withCredentials().withPropertyValues("insprl.retry.initial-backoff=100ms", "insprl.retry.max-backoff=50ms")
			.run((context) -> assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
				.contains("Invalid value '50ms'")
				.contains("must not be shorter than insprl.retry.initial-backoff"));
	}

	@Test
	void transportIsApacheHttpClientWhenItIsOnTheClassPath() {
		withCredentials().run((context) -> assertThat(context.getBean(InsprlHttpTransport.class).getLibrary())
			.isEqualTo("http-components"));
		withCredentials().withPropertyValues("spring.http.clients.imperative.factory=jdk")
			.run((context) -> assertThat(context.getBean(InsprlHttpTransport.class).getLibrary()).isEqualTo("jdk"));
	}

	@Test
	void withoutADefaultAccountTheApplicationStartsWhenTheUserSaysSo() {
		insprl.stubFor(post("/api/whatsapp/instance/logout").willReturn(okJson(SUCCESS)));
		this.contextRunner
			.withPropertyValues("insprl.require-credentials=false", "insprl.base-url=" + insprl.baseUrl() + "/api")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(InsprlClient.class).getCredentials()).isNull();
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> service.logout("x"))
					.withMessageContaining("withCredentials");
				assertThat(service.withCredentials("customer-7", "ck-9b2e7d4f1a6c").logout("x").code()).isEqualTo(100);
				insprl.verify(1, postRequestedFor(urlEqualTo("/api/whatsapp/instance/logout"))
					.withHeader("Authorization", equalTo("ck-9b2e7d4f1a6c")));
			});
	}

	@Test
	void withoutRequiredCredentialsAHalfSetAccountStillFails() {
		this.contextRunner.withPropertyValues("insprl.require-credentials=false", "insprl.client-id=client-42")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
					.contains("insprl.client-key");
			});
	}

	@Test
	void bulkConcurrencyIsBoundAndChecked() {
		withCredentials().withPropertyValues("insprl.whatsapp.bulk-concurrency=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
				.contains("insprl.whatsapp.bulk-concurrency");
		});
	}

	/**
	 * Every duration property is refused at start-up beyond the longest it can hold,
	 * naming the property and that longest value; the call timeout, whose natural "no
	 * limit" is a huge value, is held as a century instead, and works.
	 */
	@Test
	void durationsBeyondWhatTheyCanHoldAreRefusedNamingTheLongest() {
		Map<String, String> longest = Map.of("insprl.connect-timeout=25d", "24d20h31m23s647ms",
				"insprl.read-timeout=25d", "24d20h31m23s647ms", "insprl.retry.max-backoff=36501d", "36500d",
				"insprl.usage-limit-pause=36501d", "36500d");
		longest.forEach((property, expected) -> withCredentials().withPropertyValues(property)
			.run((context) -> assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
				.contains(property.substring(0, property.indexOf('=')))
				.contains("must be at most " + expected)));
		for (String property : List.of("insprl.rate-limit.max-wait=36501d", "insprl.rate-limit.store-timeout=36501d")) {
			withCredentials()
				.withPropertyValues("insprl.rate-limit.enabled=true", "insprl.rate-limit.requests-per-second=5",
						property)
				.run((context) -> assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
					.contains(property.substring(0, property.indexOf('=')))
					.contains("must be at most 36500d"));
		}
		for (String property : List.of("insprl.health.timeout=25d", "insprl.health.cache-ttl=36501d")) {
			withCredentials().withPropertyValues(property)
				.run((context) -> assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
					.contains(property.substring(0, property.indexOf('='))));
		}
		insprl.stubFor(post("/api/whatsapp/instance/logout").willReturn(okJson(SUCCESS)));
		withCredentials()
			.withPropertyValues("insprl.call-timeout=1000000d", "insprl.connect-timeout=24d", "insprl.read-timeout=24d",
					"insprl.retry.max-backoff=36500d")
			.run((context) -> assertThat(context.getBean(InsprlWhatsAppService.class).logout("inst-1").code())
				.isEqualTo(100));
	}

	/**
	 * Durations drawn across their range for each duration property, written as a user
	 * writes them: each is refused at start-up naming the property, or the application
	 * starts and a call works (or, given less than a second to answer, ends as the
	 * timeout it asked for).
	 */
	@Test
	void anyDurationAPropertyIsGivenIsRefusedNamingItOrWorks() {
		insprl.stubFor(post("/api/whatsapp/instance/logout").willReturn(okJson(SUCCESS)));
		long seed = Long.getLong("insprl.fuzz.seed", System.nanoTime());
		Random random = new Random(seed);
		List<String> properties = List.of("insprl.connect-timeout", "insprl.read-timeout", "insprl.call-timeout",
				"insprl.min-attempt-time", "insprl.usage-limit-pause", "insprl.retry.initial-backoff",
				"insprl.retry.max-backoff");
		for (int i = 0; i < 40; i++) {
			String property = properties.get(random.nextInt(properties.size()));
			String value = switch (random.nextInt(5)) {
				case 0 -> random.nextLong() + "ns";
				case 1 -> (random.nextInt(2000) - 100) + "ms";
				case 2 -> Math.abs(random.nextLong() % 106_751_991_167_300L) + "d";
				case 3 -> Long.MAX_VALUE + "s";
				default -> (1 + random.nextInt(60)) + "s";
			};
			String context = "seed " + seed + ": " + property + "=" + value;
			withCredentials().withPropertyValues(property + "=" + value).run((application) -> {
				if (application.getStartupFailure() != null) {
					assertThat(application.getStartupFailure()).as(context)
						.satisfiesAnyOf(
								(failure) -> assertThat(FailureAnalyses.analyze(failure).getDescription())
									.contains(property),
								(failure) -> assertThat(failure).hasRootCauseInstanceOf(ArithmeticException.class)
									.hasStackTraceContaining("Failed to bind properties under '" + property + "'"));
					return;
				}
				try {
					assertThat(application.getBean(InsprlWhatsAppService.class).logout("inst-1").code()).as(context)
						.isEqualTo(100);
				}
				catch (InsprlConnectionException ex) {
					assertThat(ex.getReason()).as("%s ended in %s", context, ex)
						.isEqualTo(InsprlConnectionException.Reason.TIMEOUT);
					assertThat(property).as(context)
						.isIn("insprl.connect-timeout", "insprl.read-timeout", "insprl.call-timeout");
				}
			});
		}
	}

	@Test
	void theInfoContributorIsOffUnlessTheApplicationAsksForIt() {
		withCredentials().run((context) -> assertThat(context).doesNotHaveBean("insprlInfoContributor"));
		withCredentials().withPropertyValues("management.info.defaults.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean("insprlInfoContributor"));
		withCredentials().withPropertyValues("management.info.insprl.enabled=true")
			.run((context) -> assertThat(context).hasBean("insprlInfoContributor"));
	}

	@Test
	void theInfoContributorShowsTheVersionTheClientLibraryAndTheRateLimitStoreButNoKey() {
		withCredentials().withPropertyValues("management.info.insprl.enabled=true").run((context) -> {
			Info.Builder info = new Info.Builder();
			context.getBean("insprlInfoContributor", InfoContributor.class).contribute(info);
			assertThat(info.build().getDetails()).extractingByKey("insprl")
				.asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("clientLibrary", context.getBean(InsprlHttpTransport.class).getLibrary())
				.containsEntry("rateLimitStore", "none")
				.containsEntry("springBootVersion", SpringBootVersion.getVersion())
				.containsKey("version");
			KeyRuns.assertNone(KEY, info.build().getDetails().toString());
		});
		withCredentials()
			.withPropertyValues("insprl.rate-limit.enabled=true", "insprl.rate-limit.requests-per-second=5",
					"management.info.insprl.enabled=true")
			.run((context) -> {
				Info.Builder info = new Info.Builder();
				context.getBean("insprlInfoContributor", InfoContributor.class).contribute(info);
				assertThat(info.build().getDetails().get("insprl")).asString().contains("rateLimitStore=local");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		RestClientCustomizer headerCustomizer() {
			return (builder) -> builder.defaultHeader("X-Customized", "yes").defaultHeader("User-Agent", "host-app/1");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeansConfiguration {

		final InsprlClient client = InsprlClient.builder()
			.timeouts(Duration.ofSeconds(1), Duration.ofSeconds(5))
			.credentials(new InsprlCredentials("own", "own-key"))
			.baseUrl("http://localhost:1/api")
			.build();

		final InsprlWhatsAppService service = new InsprlWhatsAppService(this.client, "own-instance");

		@Bean
		InsprlClient ownClient() {
			return this.client;
		}

		@Bean
		InsprlWhatsAppService ownService() {
			return this.service;
		}

	}

}
