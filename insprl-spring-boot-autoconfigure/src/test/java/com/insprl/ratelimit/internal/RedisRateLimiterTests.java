package com.insprl.ratelimit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.insprl.testing.LoopbackRedis;
import com.insprl.testing.RedisMonitor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.codec.ByteArrayCodec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

/**
 * {@link RedisRateLimiter} against a real Redis on loopback: the commands it sends, the
 * keys it leaves and their expiry, and the budget.
 */
class RedisRateLimiterTests {

	/**
	 * Milliseconds a TTL may fall short of the time measured around it: the limiter
	 * rounds a pause down to whole milliseconds, and Redis counts an expiry from the
	 * whole millisecond it was set in.
	 */
	private static final long ROUNDING = 2;

	private LoopbackRedis redis;

	private RedisClient client;

	private StatefulRedisConnection<String, String> admin;

	@BeforeEach
	void start() throws Exception {
		this.redis = LoopbackRedis.start();
		this.client = RedisClient.create(RedisURI.create("127.0.0.1", this.redis.port()));
		this.admin = this.client.connect();
	}

	@AfterEach
	void stop() throws Exception {
		this.admin.close();
		this.client.shutdown();
		this.redis.close();
	}

	private RedisRateLimiter limiter(double requestsPerSecond, int burst) {
		// Redis is given long to answer: a busy machine must not fail these tests
		return new RedisRateLimiter(this.client.connect(ByteArrayCodec.INSTANCE), requestsPerSecond, burst,
				Duration.ofSeconds(10), "insprl:rate-limit:");
	}

	/**
	 * The commands the client sends, counted with MONITOR and leaving out those a script
	 * runs: one per permit in steady state (after the first, which loads the script).
	 */
	@Test
	void aPermitIsOneCommand() throws Exception {
		try (RedisRateLimiter limiter = limiter(1_000_000, 1_000_000)) {
			for (int i = 0; i < 10; i++) {
				assertThat(limiter.acquire("client-" + (i % 3), Duration.ZERO)).isZero();
			}
			limiter.pause("client-9", Duration.ofSeconds(5), "paused");
			try (RedisMonitor monitor = new RedisMonitor(this.redis.port())) {
				this.admin.sync().echo("start-marker");
				monitor.linesUntil("start-marker");
				int permits = 1000;
				for (int i = 0; i < permits; i++) {
					assertThat(limiter.acquire("client-" + (i % 3), Duration.ZERO)).isZero();
				}
				this.admin.sync().echo("end-marker");
				List<String> lines = monitor.linesUntil("end-marker");
				List<String> sent = lines.stream().filter((line) -> !line.contains(" lua]")).toList();
				assertThat(lines).as("the script's own commands are seen too").hasSizeGreaterThan(permits * 3);
				assertThat(sent).hasSize(permits)
					.allSatisfy((line) -> assertThat(line).containsIgnoringCase("\"evalsha\""));
			}
		}
	}

	@Test
	void theBucketKeyExpiresWhenTheBucketIsFullAgainAndThePauseWhenItIsOver() throws Exception {
		try (RedisRateLimiter limiter = limiter(2, 4)) {
			// the lower bounds allow for the time the test itself takes, however busy the
			// machine, and for the limiter and Redis each rounding to whole milliseconds
			long start = System.nanoTime();
			limiter.acquire("client-42", Duration.ZERO);
			limiter.acquire("client-42", Duration.ZERO);
			long bucketTtl = this.admin.sync().pttl("insprl:rate-limit:{client-42}:bucket");
			assertThat(bucketTtl).as("two of four taken at 2/s: full again within a second")
				.isBetween(1000L - millisSince(start) - ROUNDING, 1000L);
			start = System.nanoTime();
			limiter.pause("client-42", Duration.ofSeconds(30), "paused");
			assertThat(this.admin.sync().pttl("insprl:rate-limit:{client-42}:pause"))
				.isBetween(30_000L - millisSince(start) - ROUNDING, 30_000L);
			assertThat(limiter.acquire("client-42", Duration.ofSeconds(1)))
				.isGreaterThanOrEqualTo(Duration.ofMillis(30_000L - millisSince(start) - ROUNDING));
			assertThat(this.admin.sync().keys("*")).containsExactlyInAnyOrder("insprl:rate-limit:{client-42}:bucket",
					"insprl:rate-limit:{client-42}:pause", "insprl:rate-limit:{%pauses}:until",
					"insprl:rate-limit:{%pauses}:why");
			assertThat(this.admin.sync().pttl("insprl:rate-limit:{%pauses}:until"))
				.as("the index of pauses expires a second after its last pause")
				.isBetween(30_000L - millisSince(start) - ROUNDING, 31_000L);
		}
	}

	@Test
	void theBudgetHoldsAndARefusalTakesNothing() throws Exception {
		try (RedisRateLimiter limiter = limiter(1, 3)) {
			for (int i = 0; i < 3; i++) {
				assertThat(limiter.acquire("client-42", Duration.ZERO)).isZero();
			}
			long refusedAt = System.nanoTime();
			Duration refused = limiter.acquire("client-42", Duration.ZERO);
			assertThat(refused).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
			assertThat(limiter.acquire("customer-7", Duration.ZERO)).as("another account's budget").isZero();
			assertThat(limiter.acquire("client-42", Duration.ofSeconds(2))).isZero();
			// the next permit is due the refused wait after the refusal, however long the
			// steps between took (a millisecond for the two clocks' rounding)
			assertThat(millisSince(refusedAt)).as("waited for the next permit")
				.isGreaterThanOrEqualTo(refused.toMillis() - 1);
		}
	}

	@Test
	void anAccountsKeysShareOneSlotWhateverItHolds() {
		try (RedisRateLimiter limiter = limiter(10, 3)) {
			for (String account : List.of("client-42", "}", "{", "{}", "}{", "a}b{c", "%7B", "")) {
				byte[][] keys = limiter.keys(account);
				assertThat(SlotHash.getSlot(keys[0])).as(account).isEqualTo(SlotHash.getSlot(keys[1]));
				assertThat(new String(keys[0], StandardCharsets.UTF_8)).as(account).contains("{");
			}
			assertThat(limiter.keys("%7B")[0]).as("escaping is one to one").isNotEqualTo(limiter.keys("{")[0]);
			assertThat(SlotHash.getSlot(limiter.keys("client-42")[0]))
				.isEqualTo(SlotHash.getSlot("client-42".getBytes(StandardCharsets.UTF_8)));
		}
	}

	@Test
	void aMissingConnectionOrAPrefixHoldingBracesIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisRateLimiter((StatefulRedisConnection<byte[], byte[]>) null, 1, 1,
					Duration.ofSeconds(1), "insprl:rate-limit:"))
			.withMessage("connection must not be null");
		try (StatefulRedisConnection<byte[], byte[]> connection = this.client.connect(ByteArrayCodec.INSTANCE)) {
			for (String prefix : new String[] { "{insprl}:", "{insprl:", "insprl{:", "}insprl:", "insprl}:" }) {
				assertThatIllegalArgumentException()
					.isThrownBy(() -> new RedisRateLimiter(connection, 1, 1, Duration.ofSeconds(1), prefix))
					.withMessage("keyPrefix must not be null or hold braces");
			}
		}
	}

	@Test
	void healthDetailsNameTheStoreAndTheBudget() {
		try (RedisRateLimiter limiter = limiter(2, 4)) {
			assertThat(limiter.healthDetails()).containsExactly(entry("store", "redis"),
					entry("requestsPerSecond", 2.0), entry("burst", 4));
		}
	}

	@Test
	void aPauseAlreadyOverSendsNothing() throws Exception {
		try (RedisRateLimiter limiter = limiter(2, 4)) {
			// under a millisecond ahead rounds down to none: nothing is sent (Redis would
			// refuse an expiry of zero)
			limiter.pause("client-42", Duration.ofNanos(999_000), "paused");
			limiter.pause("client-42", Duration.ofSeconds(-1), "paused");
			assertThat(this.admin.sync().keys("*")).isEmpty();
			assertThat(limiter.acquire("client-42", Duration.ZERO)).isZero();
		}
	}

	@Test
	void closingTheLimiterClosesItsConnection() {
		StatefulRedisConnection<byte[], byte[]> connection = this.client.connect(ByteArrayCodec.INSTANCE);
		RedisRateLimiter limiter = new RedisRateLimiter(connection, 1, 1, Duration.ofSeconds(1), "p:");
		assertThat(connection.isOpen()).isTrue();
		limiter.close();
		assertThat(connection.isOpen()).isFalse();
		limiter.close();
	}

	@Test
	void anInterruptedWaitForRedisEndsWithTheInterruptAndSaysNothingOfTheStore() throws Exception {
		try (RedisRateLimiter limiter = limiter(2, 4)) {
			Thread.currentThread().interrupt();
			try {
				assertThatExceptionOfType(InterruptedException.class)
					.isThrownBy(() -> limiter.acquire("client-42", Duration.ZERO));
			}
			finally {
				Thread.interrupted();
			}
			assertThat(limiter.acquire("client-42", Duration.ZERO)).as("the next call is served").isZero();
		}
	}

	@Test
	void anInterruptedPauseKeepsTheInterrupt() {
		try (RedisRateLimiter limiter = limiter(2, 4)) {
			Thread.currentThread().interrupt();
			try {
				limiter.pause("client-42", Duration.ofSeconds(30), "paused");
				assertThat(Thread.currentThread().isInterrupted()).isTrue();
			}
			finally {
				Thread.interrupted();
			}
		}
	}

	@Test
	void nothingIsConnectedUntilTheFirstRequestAndAFailedConnectionIsTriedAgain() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		AtomicBoolean down = new AtomicBoolean(true);
		try (RedisRateLimiter limiter = new RedisRateLimiter(() -> {
			attempts.incrementAndGet();
			if (down.get()) {
				throw new RedisConnectionException("Connection refused");
			}
			return this.client.connect(ByteArrayCodec.INSTANCE);
		}, Duration.ofSeconds(10), 2, 4, Duration.ofSeconds(10), "insprl:rate-limit:")) {
			assertThat(attempts).as("nothing at creation").hasValue(0);
			assertThatExceptionOfType(InsprlRateLimitStoreException.class)
				.isThrownBy(() -> limiter.acquire("client-42", Duration.ZERO))
				.withMessage("Could not connect to Redis")
				.withCauseInstanceOf(RedisConnectionException.class);
			down.set(false);
			assertThat(limiter.acquire("client-42", Duration.ZERO)).isZero();
			assertThat(limiter.acquire("client-42", Duration.ZERO)).isZero();
			assertThat(attempts).as("connected once, then kept").hasValue(2);
		}
	}

	@Test
	void connectOpensTheConnectionInTheBackgroundForTheFirstCall() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		CountDownLatch opened = new CountDownLatch(1);
		try (RedisRateLimiter limiter = new RedisRateLimiter(() -> {
			attempts.incrementAndGet();
			StatefulRedisConnection<byte[], byte[]> connection = this.client.connect(ByteArrayCodec.INSTANCE);
			opened.countDown();
			return connection;
		}, Duration.ofSeconds(10), 2, 4, Duration.ofSeconds(10), "insprl:rate-limit:")) {
			limiter.connect();
			assertThat(opened.await(30, TimeUnit.SECONDS)).as("opened without a call").isTrue();
			limiter.connect();
			assertThat(limiter.acquire("client-42", Duration.ZERO)).isZero();
			assertThat(attempts).as("one connection, opened once").hasValue(1);
		}
	}

	@Test
	void aConnectionThatHangsIsWaitedForNoLongerThanTheRequestTimeout() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (RedisRateLimiter limiter = new RedisRateLimiter(() -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return this.client.connect(ByteArrayCodec.INSTANCE);
		}, Duration.ofMillis(50), 2, 4, Duration.ofSeconds(10), "insprl:rate-limit:")) {
			assertThatExceptionOfType(InsprlRateLimitStoreException.class)
				.isThrownBy(() -> limiter.acquire("client-42", Duration.ZERO))
				.withMessage("Redis did not take a connection within PT0.05S");
			release.countDown();
		}
	}

	@Test
	void aClosedLimiterRefusesAndClosesAConnectionThatArrivesLate() throws Exception {
		CountDownLatch connecting = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<StatefulRedisConnection<byte[], byte[]>> opened = new AtomicReference<>();
		RedisRateLimiter limiter = new RedisRateLimiter(() -> {
			connecting.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			opened.set(this.client.connect(ByteArrayCodec.INSTANCE));
			return opened.get();
		}, Duration.ofMillis(50), 2, 4, Duration.ofSeconds(10), "insprl:rate-limit:");
		assertThatExceptionOfType(InsprlRateLimitStoreException.class)
			.isThrownBy(() -> limiter.acquire("client-42", Duration.ZERO));
		connecting.await();
		limiter.close();
		release.countDown();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> opened.get() != null && !opened.get().isOpen());
		assertThatExceptionOfType(InsprlRateLimitStoreException.class)
			.isThrownBy(() -> limiter.acquire("client-42", Duration.ZERO))
			.withMessage("The rate limit's Redis connection is closed");
	}

	private static long millisSince(long nanoTime) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime) + 1;
	}

}
