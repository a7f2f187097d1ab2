package com.insprl.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.insprl.benchmarks.app.BenchmarkApplication;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
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
 * The same logout request, reading the same answer, three ways: the raw JDK
 * {@link HttpClient} (the floor), a hand-written {@link RestClient} call from the
 * application's auto-configured builder (what a user writes without the starter), and the
 * starter's {@link InsprlWhatsAppService} as auto-configured, with retries and metrics on.
 * <p>
 * The JDK stub now and then closes a kept-alive connection just as the raw client reuses
 * it, which that client only survives at its rate (over 10,000 requests a second) when it
 * may resend a POST: {@code jdk.httpclient.enableAllMethodRetry} lets it, for all three
 * contenders alike.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Dsun.net.httpserver.nodelay=true", "-Djdk.httpclient.enableAllMethodRetry=true",
		"-Xms1g", "-Xmx1g" })
@Warmup(iterations = 8, time = 5)
@Measurement(iterations = 5, time = 5)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LogoutBenchmark {

	static final String CLIENT_ID = "bench-client";

	static final String CLIENT_KEY = "bench-key";

	static final String INSTANCE_ID = "bench-instance";

	private LoopbackInsprlStub stub;

	private ConfigurableApplicationContext context;

	private InsprlWhatsAppService service;

	private HttpClient jdkClient;

	private URI logoutUri;

	private RestClient restClient;

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@Setup
	public void start() throws Exception {
		this.stub = new LoopbackInsprlStub();
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class).web(WebApplicationType.NONE)
			.properties("insprl.client-id=" + CLIENT_ID, "insprl.client-key=" + CLIENT_KEY,
					"insprl.base-url=" + this.stub.baseUrl(), "spring.main.banner-mode=off",
					"logging.level.root=warn")
			.run();
		this.service = this.context.getBean(InsprlWhatsAppService.class);
		this.jdkClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		this.logoutUri = URI.create(this.stub.baseUrl() + "/whatsapp/instance/logout");
		this.restClient = this.context.getBean(RestClient.Builder.class).baseUrl(this.stub.baseUrl()).build();
		if (rawJdkHttpClient() != 100 || handWrittenRestClient() != 100 || starter() != 100) {
			throw new IllegalStateException("the stub did not answer with success");
		}
	}

	@TearDown
	public void stop() {
		this.context.close();
		this.stub.close();
	}

	@Benchmark
	public int rawJdkHttpClient() throws Exception {
		String form = "client_id=" + URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8) + "&instance_id="
				+ URLEncoder.encode(INSTANCE_ID, StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(this.logoutUri)
			.header("Authorization", CLIENT_KEY)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		HttpResponse<String> response = this.jdkClient.send(request, HttpResponse.BodyHandlers.ofString());
		return this.jsonMapper.readTree(response.body()).get("code").asInt();
	}

	@Benchmark
	public int handWrittenRestClient() {
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
		return Integer.parseInt(reply.code());
	}

	@Benchmark
	public int starter() {
		return this.service.logout(INSTANCE_ID).code();
	}

	/**
	 * The reply as a user would map it by hand.
	 */
	public record LogoutReply(String code, String message, String result) {
	}

}
