package com.insprl.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HTTP server on 127.0.0.1 that answers logouts as a function of the instance id
 * says, after a delay (a 429 at once), and records when each request arrived and how many
 * were in flight at once.
 */
public final class RecordingStub implements AutoCloseable {

	/** The documented success reply. */
	public static final String OK = "{\"code\":\"100\",\"message\":\"success\",\"result\":\"Logout request sent\"}";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(32);

	private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	/**
	 * Start a stub.
	 * @param delay how long to wait before answering, but for a 429
	 * @param replies the reply to each instance id
	 * @throws IOException if it cannot listen
	 */
	public RecordingStub(Duration delay, Function<String, Reply> replies) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		this.server.setExecutor(this.executor);
		this.server.createContext("/api/whatsapp/instance/logout", (exchange) -> {
			long arrived = System.nanoTime();
			int now = this.inFlight.incrementAndGet();
			this.maxInFlight.accumulateAndGet(now, Math::max);
			boolean answering = false;
			try {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				Map<String, String> fields = form(body);
				String id = fields.get("instance_id");
				Reply reply = replies.apply(id);
				this.arrivals.add(new Arrival(id, fields.get("client_id"), arrived, reply.status()));
				if (reply.status() != 429) {
					Thread.sleep(delay.toMillis());
				}
				byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
				// no longer in flight once the answer starts: its caller may send again
				// as soon as
				// it has the answer, before this thread would get past writing it
				answering = true;
				this.inFlight.decrementAndGet();
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				if (reply.retryAfter() != null) {
					exchange.getResponseHeaders().set("Retry-After", reply.retryAfter());
				}
				exchange.sendResponseHeaders(reply.status(), bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				if (!answering) {
					this.inFlight.decrementAndGet();
				}
			}
		});
		this.server.start();
	}

	private static Map<String, String> form(String body) {
		Map<String, String> fields = new HashMap<>();
		for (String pair : body.split("&")) {
			String[] parts = pair.split("=", 2);
			if (parts.length == 2) {
				fields.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
			}
		}
		return fields;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/api";
	}

	public List<Arrival> requests() {
		return this.arrivals;
	}

	public int maxInFlight() {
		return this.maxInFlight.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * A reply: its status, body and {@code Retry-After} (or {@code null}).
	 */
	public record Reply(int status, String body, String retryAfter) {

		public static Reply ok() {
			return new Reply(200, OK, null);
		}

	}

	/**
	 * A request as it arrived.
	 */
	public record Arrival(String instanceId, String clientId, long nanos, int status) {
	}

}
