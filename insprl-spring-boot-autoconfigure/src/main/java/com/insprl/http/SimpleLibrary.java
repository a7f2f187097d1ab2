package com.insprl.http;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.time.Duration;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

import org.apache.commons.logging.Log;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * The JDK's {@code HttpURLConnection}: its read timeout bounds only the gap between
 * bytes, so the connection is disconnected at the deadline, and the response is then not
 * closed, as its close would drain the reply on the caller's thread. (A disconnected
 * reply of less than the JDK's keep-alive limit, 512 KB by default, is drained by the
 * JDK's own background cleaner thread, not by the caller.) Built here rather than by
 * Spring Boot's builder, to reach the connection; SSL bundles and redirects are applied
 * the same way.
 */
final class SimpleLibrary extends ClientLibrary {

	static final String HEADER_LOGGER = "sun.net.www.protocol.http.HttpURLConnection";

	SimpleLibrary() {
		super("simple");
	}

	@Override
	ClientHttpRequestFactory build(HttpClientSettings settings, Duration deadline, int maxConnections) {
		SslBundle sslBundle = settings.sslBundle();
		// one socket factory for every connection, so that the JDK keeps TLS
		// connections alive from one request to the next
		SSLSocketFactory socketFactory = (sslBundle != null) ? sslBundle.createSslContext().getSocketFactory() : null;
		SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory() {

			@Override
			protected void prepareConnection(HttpURLConnection connection, String httpMethod) throws IOException {
				super.prepareConnection(connection, httpMethod);
				connection.setInstanceFollowRedirects(false);
				if (socketFactory != null && connection instanceof HttpsURLConnection secure) {
					secure.setSSLSocketFactory(socketFactory);
				}
				Attempt attempt = Attempt.current();
				if (attempt != null) {
					attempt.onReleasingCancel(connection::disconnect);
				}
			}

		};
		if (settings.connectTimeout() != null) {
			factory.setConnectTimeout(settings.connectTimeout());
		}
		if (settings.readTimeout() != null) {
			factory.setReadTimeout(settings.readTimeout());
		}
		return factory;
	}

	@Override
	void warnIfHeadersAreLogged(Log logger) {
		warnIfDebug(logger, HEADER_LOGGER);
	}

}
