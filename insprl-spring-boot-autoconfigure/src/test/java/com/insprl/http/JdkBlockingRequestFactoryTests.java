package com.insprl.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.testing.RawHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpMethod;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the JDK client's {@link JdkBlockingRequestFactory}, as the transport builds
 * it.
 */
class JdkBlockingRequestFactoryTests {

	private static final String OK = "{\"code\":\"100\"}";

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	@Test
	void theJdkClientSpeaksHttp11AndRunsItsTasksWithoutAPoolOfItsOwn() {
		try (InsprlHttpTransport transport = InsprlHttpTransport.create(ClientHttpRequestFactoryBuilder.jdk(),
				HttpClientSettings.defaults(), 10)) {
			assertThat(client(transport).version()).as("the protocol").isEqualTo(HttpClient.Version.HTTP_1_1);
			Executor executor = client(transport).executor().orElseThrow();
			assertThat(executor).as("no pool: tasks run where they arise").isNotInstanceOf(ExecutorService.class);
			Thread[] ranOn = new Thread[1];
			executor.execute(() -> ranOn[0] = Thread.currentThread());
			assertThat(ranOn[0]).isSameAs(Thread.currentThread());
		}
	}

	@Test
	void aBodyReadToItsDeclaredLengthLeavesItsConnectionForTheNextRequest() throws Exception {
		try (RawHttpServer stub = RawHttpServer.startKeepAlive(
				(exchange) -> exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
						+ OK.length() + "\r\n\r\n" + OK));
				InsprlHttpTransport transport = InsprlHttpTransport.create(ClientHttpRequestFactoryBuilder.jdk(),
						HttpClientSettings.defaults(), 10)) {
			ClientHttpRequestFactory factory = transport.requestFactory(Duration.ofSeconds(2), Duration.ofSeconds(5));
			for (int i = 0; i < 3; i++) {
				ClientHttpRequest request = factory.createRequest(URI.create(stub.baseUrl() + "/logout"),
						HttpMethod.POST);
				request.getHeaders().add("Authorization", "sk-live-7f3a9c1e");
				request.getHeaders().add("Connection", "keep-alive");
				request.getBody().write("client_id=client-42".getBytes());
				try (ClientHttpResponse response = request.execute()) {
					assertThat(response.getStatusCode().value()).isEqualTo(200);
					assertThat(response.getBody().readNBytes(OK.length())).asString().isEqualTo(OK);
				}
			}
			assertThat(stub.connections()).as("connections the stub accepted").isEqualTo(1);
		}
	}

	@Test
	void aBodyReachesTheServerWholeHoweverItIsWritten() {
		insprl.stubFor(post("/echo").willReturn(aResponse().withStatus(204)));
		byte[] form = "client_id=client-42&instance_id=inst-1".getBytes(StandardCharsets.US_ASCII);
		byte[] large = new byte[100_000];
		Arrays.fill(large, (byte) 'x');
		try (InsprlHttpTransport transport = InsprlHttpTransport.create(ClientHttpRequestFactoryBuilder.jdk(),
				HttpClientSettings.defaults(), 10)) {
			ClientHttpRequestFactory factory = transport.requestFactory(Duration.ofSeconds(2), Duration.ofSeconds(5));
			String url = insprl.baseUrl() + "/echo";
			RestClient plain = RestClient.builder().requestFactory(factory).build();
			RestClient intercepted = RestClient.builder()
				.requestFactory(factory)
				.requestInterceptor((request, body, execution) -> execution.execute(request, body))
				.build();
			// a converter's body, its length declared
			plain.post().uri(url).body(form).retrieve().toBodilessEntity();
			// an interceptor's buffered body, handed over as an array
			intercepted.post().uri(url).body(form).retrieve().toBodilessEntity();
			// a streamed body of no declared length, larger than any first guess
			plain.post()
				.uri(url)
				.body((StreamingHttpOutputMessage.Body) (out) -> out.write(large))
				.retrieve()
				.toBodilessEntity();
		}
		List<LoggedRequest> requests = insprl.findAll(postRequestedFor(urlEqualTo("/echo")));
		assertThat(requests).extracting(LoggedRequest::getBody).containsExactly(form, form, large);
	}

	private static HttpClient client(InsprlHttpTransport transport) {
		ClientHttpRequestFactory factory = transport.requestFactory(Duration.ofSeconds(1), Duration.ofSeconds(1));
		Object library = ReflectionTestUtils.getField(factory, "library");
		assertThat(library).isInstanceOf(JdkBlockingRequestFactory.class);
		return ((JdkBlockingRequestFactory) library).client();
	}

}
