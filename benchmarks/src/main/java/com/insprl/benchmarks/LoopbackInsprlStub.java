package com.insprl.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A keep-alive HTTP stub on 127.0.0.1 that answers the logout call with the documented
 * success JSON, at once or after a fixed delay (a real network's round trip). Its threads
 * are all started up front, so that a count of threads started during a run counts the
 * clients' only. Run the JVM with {@code -Dsun.net.httpserver.nodelay=true}, or every
 * reply waits on a delayed ACK.
 */
final class LoopbackInsprlStub implements AutoCloseable {

	static final byte[] SUCCESS = ("{\"code\":\"100\",\"message\":\"success\","
			+ "\"result\":\"Logout request sent to WhatsApp\"}")
		.getBytes(StandardCharsets.UTF_8);

	static final byte[] QUEUED = ("{\"code\":100,\"message\":\"success\",\"data\":{\"queue_id\":\"q-1\","
			+ "\"status\":\"queued\",\"msg\":\"Mail queued\"}}")
		.getBytes(StandardCharsets.UTF_8);

	private final HttpServer server;

	private final AtomicLong emailBytesReceived = new AtomicLong();

	private final ThreadPoolExecutor executor;

	LoopbackInsprlStub(Duration delay) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
		this.executor = (ThreadPoolExecutor) Executors.newFixedThreadPool(96);
		this.executor.prestartAllCoreThreads();
		this.server.setExecutor(this.executor);
		long delayMillis = delay.toMillis();
		this.server.createContext("/api/whatsapp/instance/logout", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				in.readAllBytes();
			}
			if (delayMillis > 0) {
				try {
					Thread.sleep(delayMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, SUCCESS.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(SUCCESS);
			}
		});
		this.server.createContext("/api/email/send-to-batch", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				this.emailBytesReceived.addAndGet(in.readAllBytes().length);
			}
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, QUEUED.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(QUEUED);
			}
		});
		this.server.start();
	}

	/**
	 * Return the bytes of every mail's request body received so far.
	 * @return the bytes
	 */
	long emailBytesReceived() {
		return this.emailBytesReceived.get();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/api";
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
