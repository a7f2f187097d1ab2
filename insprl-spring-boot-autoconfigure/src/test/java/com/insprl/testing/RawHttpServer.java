package com.insprl.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

/**
 * A small HTTP/1.1 server on 127.0.0.1 that misbehaves on purpose, where WireMock cannot:
 * it trickles bytes, lies about lengths, sends oversized heads, or serves TLS with a
 * certificate of the test's making. Each connection is served by its own thread; the
 * request head and body are read before the behaviour runs. For tests only: a handful of
 * connections, loopback only, closed with the test.
 */
public final class RawHttpServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final Behaviour behaviour;

	private final boolean tls;

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicLong bytesWritten = new AtomicLong();

	private final CountDownLatch clientGone = new CountDownLatch(1);

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	private volatile boolean closed;

	private final boolean keepAlive;

	private RawHttpServer(ServerSocket serverSocket, Behaviour behaviour, boolean tls, boolean keepAlive) {
		this.serverSocket = serverSocket;
		this.behaviour = behaviour;
		this.tls = tls;
		this.keepAlive = keepAlive;
		this.acceptor = new Thread(this::accept, "raw-http-acceptor");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/**
	 * Start a plain HTTP server.
	 * @param behaviour what to do once a request has been read
	 * @return the running server
	 * @throws IOException if it cannot listen
	 */
	public static RawHttpServer start(Behaviour behaviour) throws IOException {
		return new RawHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), behaviour, false, false);
	}

	/**
	 * Start a plain HTTP server that serves request after request on each connection,
	 * each with the given behaviour (which must frame its replies), with no delay on its
	 * sockets.
	 * @param behaviour what to do once a request has been read
	 * @return the running server
	 * @throws IOException if it cannot listen
	 */
	public static RawHttpServer startKeepAlive(Behaviour behaviour) throws IOException {
		return new RawHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), behaviour, false, true);
	}

	/**
	 * Start an HTTPS server.
	 * @param sslContext the server's TLS context (its certificate)
	 * @param behaviour what to do once a request has been read
	 * @return the running server
	 * @throws IOException if it cannot listen
	 */
	public static RawHttpServer startTls(SSLContext sslContext, Behaviour behaviour) throws IOException {
		return new RawHttpServer(
				sslContext.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()),
				behaviour, true, false);
	}

	/**
	 * Start an HTTPS server that serves request after request on each connection, as
	 * {@link #startKeepAlive} does.
	 * @param sslContext the server's TLS context (its certificate)
	 * @param behaviour what to do once a request has been read
	 * @return the running server
	 * @throws IOException if it cannot listen
	 */
	public static RawHttpServer startTlsKeepAlive(SSLContext sslContext, Behaviour behaviour) throws IOException {
		return new RawHttpServer(
				sslContext.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()),
				behaviour, true, true);
	}

	public String baseUrl() {
		return (this.tls ? "https" : "http") + "://127.0.0.1:" + this.serverSocket.getLocalPort() + "/api";
	}

	/**
	 * Return how many connections were accepted.
	 * @return the count
	 */
	public int connections() {
		return this.connections.get();
	}

	/**
	 * Return the bytes written to clients so far.
	 * @return the count
	 */
	public long bytesWritten() {
		return this.bytesWritten.get();
	}

	/**
	 * Return the request heads received, first line and headers, one string each.
	 * @return the heads
	 */
	public List<String> requests() {
		return this.requests;
	}

	/**
	 * Wait until a client has closed its connection while the server was still writing.
	 * @param timeout how long to wait
	 * @return whether it happened in time
	 * @throws InterruptedException if interrupted
	 */
	public boolean awaitClientGone(Duration timeout) throws InterruptedException {
		return this.clientGone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket socket = this.serverSocket.accept();
				this.connections.incrementAndGet();
				this.sockets.add(socket);
				Thread handler = new Thread(() -> serve(socket), "raw-http-connection");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			socket.setTcpNoDelay(true);
			InputStream in = new BufferedInputStream(socket.getInputStream());
			Exchange exchange;
			do {
				String head = readHead(in);
				if (head == null) {
					return;
				}
				this.requests.add(head);
				long length = contentLength(head);
				for (long i = 0; i < length; i++) {
					if (in.read() < 0) {
						return;
					}
				}
				exchange = new Exchange(socket.getOutputStream());
				this.behaviour.respond(exchange);
			}
			while (this.keepAlive && !exchange.closing);
		}
		catch (IOException ex) {
			this.clientGone.countDown();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		int b;
		while ((b = in.read()) >= 0) {
			head.write(b);
			matched = (b == end[matched]) ? matched + 1 : ((b == '\r') ? 1 : 0);
			if (matched == 4) {
				return head.toString(StandardCharsets.ISO_8859_1);
			}
		}
		return null;
	}

	private static long contentLength(String head) {
		for (String line : head.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				return Long.parseLong(line.substring("content-length:".length()).trim());
			}
		}
		return 0;
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.serverSocket.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	/**
	 * What the server does once it has read a request.
	 */
	@FunctionalInterface
	public interface Behaviour {

		void respond(Exchange exchange) throws IOException, InterruptedException;

	}

	/**
	 * The connection's output, counted.
	 */
	public final class Exchange {

		private final OutputStream out;

		private boolean closing;

		Exchange(OutputStream out) {
			this.out = out;
		}

		/**
		 * Close the connection once this reply is written, even on a keep-alive server.
		 */
		public void closeConnection() {
			this.closing = true;
		}

		public void write(String text) throws IOException {
			write(text.getBytes(StandardCharsets.ISO_8859_1));
		}

		public void write(byte[] bytes) throws IOException {
			this.out.write(bytes);
			this.out.flush();
			RawHttpServer.this.bytesWritten.addAndGet(bytes.length);
		}

		/**
		 * Write the text one byte at a time, waiting between bytes.
		 * @param text the text
		 * @param gap the wait after each byte
		 * @throws IOException if the client went away
		 * @throws InterruptedException if interrupted
		 */
		public void trickle(String text, Duration gap) throws IOException, InterruptedException {
			for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
				write(new byte[] { b });
				Thread.sleep(gap.toMillis());
			}
		}

		/**
		 * Keep the connection open, writing nothing, until the server is closed.
		 * @throws InterruptedException if interrupted
		 */
		public void hold() throws InterruptedException {
			while (!RawHttpServer.this.closed) {
				Thread.sleep(20);
			}
		}

	}

}
