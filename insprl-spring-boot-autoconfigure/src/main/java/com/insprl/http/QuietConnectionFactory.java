package com.insprl.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriterFactory;
import org.apache.hc.core5.http.impl.io.NoResponseOutOfOrderStrategy;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Identifiable;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Apache HttpClient 5 connections that write nothing of what they carry to a log. The
 * library's own connections print every request and reply header (the
 * {@code Authorization} header and so the client key among them) to
 * {@code org.apache.hc.client5.http.headers}, and every byte to
 * {@code org.apache.hc.client5.http.wire}, when those loggers are at DEBUG; these
 * connections parse and write HTTP/1.1 exactly as the library's do (the same writer,
 * parser, length strategies and message limits) and log nothing. Only the insprl client's
 * pool uses them: the application's other clients keep the library's logging.
 */
final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

	private static final AtomicLong COUNTER = new AtomicLong();

	private final Http1Config config;

	QuietConnectionFactory(Http1Config config) {
		this.config = config;
	}

	@Override
	public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
		QuietConnection connection = new QuietConnection("insprl-" + COUNTER.getAndIncrement(), this.config);
		if (socket != null) {
			connection.bind(socket);
		}
		return connection;
	}

	/**
	 * One connection: the library's {@code DefaultManagedHttpClientConnection} without
	 * its header and wire logging.
	 */
	static final class QuietConnection extends DefaultBHttpClientConnection
			implements ManagedHttpClientConnection, Identifiable {

		private final String id;

		private final AtomicBoolean closed = new AtomicBoolean();

		private volatile @Nullable Timeout socketTimeout;

		QuietConnection(String id, Http1Config config) {
			super(config, null, null, DefaultContentLengthStrategy.INSTANCE, DefaultContentLengthStrategy.INSTANCE,
					NoResponseOutOfOrderStrategy.INSTANCE, new DefaultHttpRequestWriterFactory(config),
					new DefaultHttpResponseParserFactory(config));
			this.id = id;
		}

		@Override
		public String getId() {
			return this.id;
		}

		@Override
		public void bind(Socket socket) throws IOException {
			bind(new SocketHolder(socket));
		}

		@Override
		public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
			bind(new SocketHolder(sslSocket, socket));
		}

		@Override
		protected void bind(SocketHolder holder) throws IOException {
			if (this.closed.get()) {
				holder.getSocket().close();
				throw new InterruptedIOException("Connection already shutdown");
			}
			super.bind(holder);
			this.socketTimeout = Timeout.ofMilliseconds(holder.getSocket().getSoTimeout());
		}

		@Override
		public @Nullable Socket getSocket() {
			SocketHolder holder = getSocketHolder();
			return (holder != null) ? holder.getSocket() : null;
		}

		@Override
		public @Nullable SSLSession getSSLSession() {
			return (getSocket() instanceof SSLSocket ssl) ? ssl.getSession() : null;
		}

		@Override
		public void setSocketTimeout(Timeout timeout) {
			super.setSocketTimeout(timeout);
			this.socketTimeout = timeout;
		}

		@Override
		public void close() throws IOException {
			if (this.closed.compareAndSet(false, true)) {
				super.close();
			}
		}

		@Override
		public void close(CloseMode closeMode) {
			if (this.closed.compareAndSet(false, true)) {
				super.close(closeMode);
			}
		}

		@Override
		public void passivate() {
			super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
		}

		@Override
		public void activate() {
			super.setSocketTimeout(this.socketTimeout);
		}

		@Override
		public String toString() {
			return this.id;
		}

	}

}
