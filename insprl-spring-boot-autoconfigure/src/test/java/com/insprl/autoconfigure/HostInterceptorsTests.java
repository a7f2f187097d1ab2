package com.insprl.autoconfigure;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.client.InsprlAuthenticationException;
import com.insprl.testing.KeyRuns;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.testing.TestAccount;
import com.insprl.whatsapp.InsprlWhatsAppService;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.observation.ClientRequestObservationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application's own {@code RestClientCustomizer}s reach the insprl client (their
 * interceptors see each request, their headers and the observation's tracing headers are
 * sent), but no interceptor of the application is ever handed the client key: not in the
 * headers before the exchange, nor after it, nor in the request's attributes, whatever
 * insprl answers. The key reaches the wire.
 */
class HostInterceptorsTests {

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, InsprlAutoConfiguration.class))
		.withPropertyValues(TestAccount.properties())
		.withPropertyValues("insprl.base-url=" + insprl.baseUrl() + "/api");

	@Test
	void aLoggingInterceptorOfTheApplicationSeesEachRequestButNeverTheKey() {
		insprl.stubFor(post(TestAccount.LOGOUT_PATH).willReturn(okJson(TestAccount.SUCCESS)));
		RecordingInterceptor logging = new RecordingInterceptor();
		this.contextRunner.withBean(RestClientCustomizer.class, () -> (builder) -> builder.requestInterceptor(logging))
			.run((context) -> {
				context.getBean(InsprlWhatsAppService.class).logout("inst-1");
				assertThat(logging.seen).as("the application's interceptor saw the request").hasSize(2);
				assertThat(logging.seen.get(0)).contains("POST", "/api/whatsapp/instance/logout", "User-Agent");
				KeyRuns.assertNone(TestAccount.KEY, logging.seen.toArray());
				insprl.verify(1, postRequestedFor(urlEqualTo(TestAccount.LOGOUT_PATH))
					.withHeader(HttpHeaders.AUTHORIZATION, equalTo(TestAccount.KEY)));
			});
	}

	@Test
	void anInterceptorThatReadsTheRequestOnceItFailedDoesNotSeeTheKeyEither() {
		insprl.stubFor(post(TestAccount.LOGOUT_PATH).willReturn(unauthorized()));
		RecordingInterceptor logging = new RecordingInterceptor();
		this.contextRunner.withBean(RestClientCustomizer.class, () -> (builder) -> builder.requestInterceptor(logging))
			.run((context) -> {
				assertThatExceptionOfType(InsprlAuthenticationException.class)
					.isThrownBy(() -> context.getBean(InsprlWhatsAppService.class).logout("inst-1"));
				assertThat(logging.seen).hasSize(2);
				KeyRuns.assertNone(TestAccount.KEY, logging.seen.toArray());
			});
	}

	@Test
	void theApplicationsOwnAuthorizationHeaderNeverReachesInsprl() {
		insprl.stubFor(post(TestAccount.LOGOUT_PATH).willReturn(okJson(TestAccount.SUCCESS)));
		this.contextRunner
			.withBean(RestClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer the-hosts-own-token")
						.defaultHeader("X-Tenant", "acme"))
			.run((context) -> {
				context.getBean(InsprlWhatsAppService.class).logout("inst-1");
				insprl.verify(1,
						postRequestedFor(urlEqualTo(TestAccount.LOGOUT_PATH))
							.withHeader(HttpHeaders.AUTHORIZATION, equalTo(TestAccount.KEY))
							.withHeader("X-Tenant", equalTo("acme")));
			});
	}

	@Test
	void theObservationsTracingHeadersAndTheApplicationsOwnHeadersAreSent() {
		insprl.stubFor(post(TestAccount.LOGOUT_PATH).willReturn(okJson(TestAccount.SUCCESS)));
		RecordingInterceptor logging = new RecordingInterceptor();
		this.contextRunner.withConfiguration(AutoConfigurations.of(RestClientObservationAutoConfiguration.class))
			.withBean(ObservationRegistry.class, () -> {
				ObservationRegistry registry = ObservationRegistry.create();
				registry.observationConfig().observationHandler(new Propagating());
				return registry;
			})
			.withBean(RestClientCustomizer.class,
					() -> (builder) -> builder.requestInterceptor(logging).requestInterceptor((request, body, next) -> {
						request.getHeaders().set("X-Request-Id", "req-7");
						return next.execute(request, body);
					}))
			.run((context) -> {
				context.getBean(InsprlWhatsAppService.class).logout("inst-1");
				insprl.verify(1,
						postRequestedFor(urlEqualTo(TestAccount.LOGOUT_PATH)).withHeader("traceparent", equalTo(TRACE))
							.withHeader("X-Request-Id", equalTo("req-7"))
							.withHeader(HttpHeaders.AUTHORIZATION, equalTo(TestAccount.KEY)));
				assertThat(logging.seen.get(0)).contains("traceparent");
				KeyRuns.assertNone(TestAccount.KEY, logging.seen.toArray());
			});
	}

	@Test
	void aCustomizersRequestFactoryDoesNotReplaceTheInsprlClients() {
		insprl.stubFor(post(TestAccount.LOGOUT_PATH).willReturn(okJson(TestAccount.SUCCESS)));
		this.contextRunner
			.withBean(RestClientCustomizer.class, () -> (builder) -> builder.requestFactory((uri, method) -> {
				throw new IllegalStateException("the application's own request factory");
			}))
			.run((context) -> {
				context.getBean(InsprlWhatsAppService.class).logout("inst-1");
				insprl.verify(1, postRequestedFor(urlEqualTo(TestAccount.LOGOUT_PATH))
					.withHeader(HttpHeaders.AUTHORIZATION, equalTo(TestAccount.KEY)));
			});
	}

	@Test
	void aRequestCarriesTheKeyOnce() {
		insprl.stubFor(post(TestAccount.LOGOUT_PATH).willReturn(okJson(TestAccount.SUCCESS)));
		this.contextRunner.run((context) -> {
			context.getBean(InsprlWhatsAppService.class).logout("inst-1");
			assertThat(insprl.getAllServeEvents().get(0).getRequest().getHeaders().getHeader("Authorization").values())
				.containsExactly(TestAccount.KEY);
		});
	}

	static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	/**
	 * What a tracer's propagating handler does: writes the trace context into the request
	 * as the observation starts.
	 */
	static final class Propagating implements ObservationHandler<ClientRequestObservationContext> {

		@Override
		public void onStart(ClientRequestObservationContext context) {
			context.getSetter().set(context.getCarrier(), "traceparent", TRACE);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ClientRequestObservationContext;
		}

	}

	/**
	 * Logs everything an interceptor can see of a request: before the exchange and once
	 * it is over (or failed).
	 */
	static final class RecordingInterceptor implements ClientHttpRequestInterceptor {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@Override
		public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
				throws IOException {
			this.seen.add(describe(request));
			try {
				return execution.execute(request, body);
			}
			finally {
				this.seen.add(describe(request));
			}
		}

		private static String describe(HttpRequest request) {
			return request.getMethod() + " " + request.getURI() + " " + request.getHeaders() + " "
					+ request.getAttributes() + " " + request;
		}

	}

}
