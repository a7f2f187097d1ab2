package com.insprl.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import com.insprl.benchmarks.app.BenchmarkApplication;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The same logout request, reading the same answer, four ways: the raw JDK
 * {@link HttpClient}, raw Apache HttpClient 5 (the fastest hand-written call), a
 * hand-written {@link RestClient} call from the application's auto-configured builder
 * (what a user writes without the starter), and the starter's
 * {@link InsprlWhatsAppService} as auto-configured, with retries, metrics and the health
 * listener on. All four talk to one stub, in one JVM.
 */
final class Contenders implements AutoCloseable {

	static final String CLIENT_ID = "bench-client";

	static final String CLIENT_KEY = "bench-key";

	static final String INSTANCE_ID = "bench-instance";

	private final LoopbackInsprlStub stub;

	private final ConfigurableApplicationContext context;

	private final InsprlWhatsAppService service;

	private final HttpClient jdkClient;

	private final CloseableHttpClient apacheClient;

	private final URI logoutUri;

	private final RestClient restClient;

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	Contenders(Duration stubDelay, String... properties) throws IOException {
		this.stub = new LoopbackInsprlStub(stubDelay);
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class).web(WebApplicationType.NONE)
			.properties("insprl.client-id=" + CLIENT_ID, "insprl.client-key=" + CLIENT_KEY,
					"insprl.base-url=" + this.stub.baseUrl(), "spring.main.banner-mode=off", "logging.level.root=warn")
			.properties(properties)
			.run();
		this.service = this.context.getBean(InsprlWhatsAppService.class);
		this.jdkClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		this.apacheClient = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnPerRoute(100)
				.setMaxConnTotal(100)
				.build())
			.build();
		this.logoutUri = URI.create(this.stub.baseUrl() + "/whatsapp/instance/logout");
		this.restClient = this.context.getBean(RestClient.Builder.class).baseUrl(this.stub.baseUrl()).build();
		if (rawJdkHttpClient() != 100 || rawApacheHttpClient() != 100 || handWrittenRestClient() != 100
				|| starter() != 100) {
			throw new IllegalStateException("the stub did not answer with success");
		}
	}

	private static String form() {
		return "client_id=" + URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8) + "&instance_id="
				+ URLEncoder.encode(INSTANCE_ID, StandardCharsets.UTF_8);
	}

	int rawJdkHttpClient() throws IOException {
		HttpRequest request = HttpRequest.newBuilder(this.logoutUri)
			.header("Authorization", CLIENT_KEY)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form()))
			.build();
		try {
			HttpResponse<byte[]> response = this.jdkClient.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return this.jsonMapper.readTree(response.body()).get("code").asInt();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	int rawApacheHttpClient() throws IOException {
		HttpPost post = new HttpPost(this.logoutUri);
		post.setHeader("Authorization", CLIENT_KEY);
		post.setEntity(new ByteArrayEntity(form().getBytes(StandardCharsets.US_ASCII),
				ContentType.APPLICATION_FORM_URLENCODED));
		return this.apacheClient.execute(post,
				(response) -> this.jsonMapper.readTree(EntityUtils.toByteArray(response.getEntity()))
					.get("code")
					.asInt());
	}

	int handWrittenRestClient() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("client_id", CLIENT_ID);
		form.add("instance_id", INSTANCE_ID);
		LogoutReply reply = this.restClient.post()
			.uri("/whatsapp/instance/logout")
			.header(HttpHeaders.AUTHORIZATION, CLIENT_KEY)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.body(LogoutReply.class);
		return Integer.parseInt(Objects.requireNonNull(reply, "no reply").code());
	}

	int starter() {
		return this.service.logout(INSTANCE_ID).code();
	}

	URI logoutUri() {
		return this.logoutUri;
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	long stubBytesReceived() {
		return this.stub.emailBytesReceived();
	}

	int stubPort() {
		return Integer.parseInt(this.stub.baseUrl().replaceAll(".*:(\\d+)/api", "$1"));
	}

	@Override
	public void close() throws IOException {
		this.apacheClient.close();
		this.context.close();
		this.stub.close();
	}

	/**
	 * The reply as a user would map it by hand.
	 *
	 * @param code the API code
	 * @param message the message
	 * @param result the result
	 */
	public record LogoutReply(String code, String message, String result) {
	}

}
