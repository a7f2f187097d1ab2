package com.insprl.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.insprl.ratelimit.InsprlRateLimiter;
import com.insprl.ratelimit.internal.LocalRateLimiter;
import com.insprl.ratelimit.internal.RedisRateLimiter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import redis.embedded.RedisServer;

/**
 * What a permit of the client-side rate limit costs a call, in this JVM and through a
 * real Redis on loopback, with a budget no call exhausts (so nothing waits): the cost of
 * the limit itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RateLimiterBenchmark {

	private static final Duration NO_WAIT = Duration.ZERO;

	private RedisServer redis;

	private RedisClient client;

	private InsprlRateLimiter local;

	private RedisRateLimiter shared;

	@Setup
	public void start() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		this.redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
		this.redis.start();
		this.client = RedisClient.create(RedisURI.create("127.0.0.1", port));
		this.local = new LocalRateLimiter(1e9, 1_000_000_000);
		this.shared = new RedisRateLimiter(this.client.connect(ByteArrayCodec.INSTANCE), 1e9, 1_000_000_000,
				Duration.ofSeconds(1), "insprl:bench:");
	}

	@TearDown
	public void stop() throws IOException {
		this.shared.close();
		this.client.shutdown();
		this.redis.stop();
	}

	@Benchmark
	public Duration local() throws InterruptedException {
		return this.local.acquire("client-42", NO_WAIT);
	}

	@Benchmark
	public Duration redis() throws InterruptedException {
		return this.shared.acquire("client-42", NO_WAIT);
	}

}
