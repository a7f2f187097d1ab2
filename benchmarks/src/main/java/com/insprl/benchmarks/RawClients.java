package com.insprl.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient.RequestSender;
import tools.jackson.databind.json.JsonMapper;

/**
 * The logout written by hand on the client libraries {@link Contenders} does not cover:
 * Jetty's {@code HttpClient}, Reactor Netty's {@code HttpClient} (blocking for the reply,
 * as a servlet application's code would) and the JDK's {@code HttpURLConnection}. Each
 * reads the code from the reply with Jackson.
 */
final class RawClients implements AutoCloseable {

	private static final byte[] FORM = ("client_id=" + URLEncoder.encode(Contenders.CLIENT_ID, StandardCharsets.UTF_8)
			+ "&instance_id=" + URLEncoder.encode(Contenders.INSTANCE_ID, StandardCharsets.UTF_8))
		.getBytes(StandardCharsets.US_ASCII);

	private static final String FORM_TYPE = "application/x-www-form-urlencoded";

	private final URI logoutUri;

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final HttpClient jetty = new HttpClient();

	private final RequestSender reactorSender;

	RawClients(URI logoutUri) throws Exception {
		this.logoutUri = logoutUri;
		this.jetty.start();
		this.reactorSender = ReactorSenders.post(logoutUri, Contenders.CLIENT_KEY, FORM_TYPE);
		if (jetty() != 100 || reactor() != 100 || simple() != 100) {
			throw new IllegalStateException("the stub did not answer with success");
		}
	}

	int jetty() throws Exception {
		ContentResponse response = this.jetty.POST(this.logoutUri)
			.headers((headers) -> headers.put("Authorization", Contenders.CLIENT_KEY))
			.body(new BytesRequestContent(FORM_TYPE, FORM))
			.send();
		return this.jsonMapper.readTree(response.getContent()).get("code").asInt();
	}

	int reactor() {
		byte[] reply = this.reactorSender.send(ByteBufFlux.fromInbound(Mono.just(FORM)))
			.responseSingle((response, body) -> body.asByteArray())
			.block();
		return this.jsonMapper.readTree(Objects.requireNonNull(reply, "no reply")).get("code").asInt();
	}

	int simple() throws IOException {
		HttpURLConnection connection = (HttpURLConnection) this.logoutUri.toURL().openConnection();
		connection.setRequestMethod("POST");
		connection.setDoOutput(true);
		connection.setRequestProperty("Authorization", Contenders.CLIENT_KEY);
		connection.setRequestProperty("Content-Type", FORM_TYPE);
		try (OutputStream out = connection.getOutputStream()) {
			out.write(FORM);
		}
		try (InputStream in = connection.getInputStream()) {
			return this.jsonMapper.readTree(in.readAllBytes()).get("code").asInt();
		}
	}

	@Override
	public void close() throws Exception {
		this.jetty.stop();
	}

}
