package com.insprl.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the sample application on its port with the JDK's HTTP client, as a user's client
 * would, and reads the JSON answers.
 */
final class SampleHttp {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private final @Nullable String authorization;

	SampleHttp(int port) {
		this(port, null);
	}

	private SampleHttp(int port, @Nullable String authorization) {
		this.port = port;
		this.authorization = authorization;
	}

	/**
	 * Return calls that authenticate as the actuator's operator, with HTTP basic.
	 * @param password the operator's password
	 * @return the calls
	 */
	SampleHttp asOperator(String password) {
		return new SampleHttp(this.port, "Basic "
				+ Base64.getEncoder().encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8)));
	}

	HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		return (this.authorization != null) ? request.header("Authorization", this.authorization) : request;
	}

	Reply get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	Reply post(String path) throws IOException, InterruptedException {
		return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
	}

	Reply delete(String path) throws IOException, InterruptedException {
		return send(request(path).DELETE());
	}

	Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		String body = response.body();
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.headers().firstValue("Retry-After").orElse(null), body,
				body.isEmpty() ? json.missingNode() : json.readTree(body));
	}

	/**
	 * An answer.
	 *
	 * @param status the HTTP status
	 * @param contentType the content type, empty when there is none
	 * @param retryAfter the {@code Retry-After} header, or {@code null}
	 * @param text the body's text
	 * @param body the body, read as JSON (missing when empty)
	 */
	record Reply(int status, String contentType, String retryAfter, String text, JsonNode body) {
	}

}
