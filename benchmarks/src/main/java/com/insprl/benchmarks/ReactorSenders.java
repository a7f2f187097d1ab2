package com.insprl.benchmarks;

import java.net.URI;

import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClient.RequestSender;

/**
 * Reactor Netty's {@code HttpClient}, apart from {@link RawClients}, where Jetty's
 * {@code HttpClient} has the name.
 */
final class ReactorSenders {

	private ReactorSenders() {
	}

	/**
	 * Return a sender of POST requests to one URI, with the given headers, on a client
	 * with Reactor Netty's default connection pool.
	 * @param uri the URI
	 * @param authorization the {@code Authorization} header
	 * @param contentType the {@code Content-Type} header
	 * @return the sender
	 */
	static RequestSender post(URI uri, String authorization, String contentType) {
		return HttpClient.create()
			.headers((headers) -> headers.set("Authorization", authorization).set("Content-Type", contentType))
			.post()
			.uri(uri);
	}

}
