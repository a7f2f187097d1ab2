package com.insprl.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import com.insprl.ratelimit.internal.RedisRateLimiter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import redis.embedded.RedisServer;

/**
 * The commands the Redis rate limit sends per permit, counted with Redis {@code MONITOR}
 * around 10,000 permits in steady state: every line but those a Lua script runs (which
 * {@code MONITOR} marks {@code lua}) is a command a client sent, one round trip each.
 */
public final class RedisPermitRun {

	private static final int PERMITS = 10_000;

	private RedisPermitRun() {
	}

	public static void main(String[] args) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
		redis.start();
		RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
		try (RedisRateLimiter limiter = new RedisRateLimiter(client.connect(ByteArrayCodec.INSTANCE), 1e9,
				1_000_000_000, Duration.ofSeconds(1), "insprl:bench:");
				StatefulRedisConnection<String, String> admin = client.connect();
				Socket monitor = new Socket(InetAddress.getLoopbackAddress(), port)) {
			for (int i = 0; i < 100; i++) {
				limiter.acquire("client-" + (i % 10), Duration.ZERO);
			}
			OutputStream out = monitor.getOutputStream();
			out.write("*1\r\n$7\r\nMONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader lines = new BufferedReader(
					new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8));
			lines.readLine();
			admin.sync().echo("start-marker");
			skipUntil(lines, "start-marker");
			for (int i = 0; i < PERMITS; i++) {
				limiter.acquire("client-" + (i % 10), Duration.ZERO);
			}
			admin.sync().echo("end-marker");
			long sent = 0;
			long scripted = 0;
			String line;
			while ((line = lines.readLine()) != null && !line.contains("end-marker")) {
				if (line.contains(" lua]")) {
					scripted++;
				}
				else {
					sent++;
				}
			}
			System.out.printf(Locale.ROOT,
					"%d permits: %d commands sent (%.2f per permit), %d more run by scripts " + "(%.2f per permit)%n",
					PERMITS, sent, (double) sent / PERMITS, scripted, (double) scripted / PERMITS);
		}
		finally {
			client.shutdown();
			redis.stop();
		}
	}

	private static void skipUntil(BufferedReader lines, String marker) throws IOException {
		String line;
		while ((line = lines.readLine()) != null && !line.contains(marker)) {
			// commands before the marker are not counted
		}
	}

}
