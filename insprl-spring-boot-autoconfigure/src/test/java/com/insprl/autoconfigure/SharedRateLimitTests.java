package com.insprl.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.insprl.client.InsprlConnectionException;
import com.insprl.client.InsprlException;
import com.insprl.health.InsprlHealthIndicator;
import com.insprl.testing.LoopbackRedis;
import com.insprl.testing.RecordingStub;
import com.insprl.testing.RecordingStub.Arrival;
import com.insprl.testing.RecordingStub.Reply;
import com.insprl.whatsapp.InsprlWhatsAppService;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.embedded.RedisSentinel;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two application contexts act as two replicas of one application: they share a rate
 * limit through a real Redis server on loopback, and a {@code Retry-After} seen by one
 * pauses both. Then Redis goes away.
 */
@ExtendWith(OutputCaptureExtension.class)
class SharedRateLimitTests {

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	private <T extends AutoCloseable> T closeLater(T closeable) {
		this.closeables.add(0, closeable);
		return closeable;
	}

	private ApplicationContextRunner replica(LoopbackRedis redis, RecordingStub stub, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
					InsprlRateLimitAutoConfiguration.class, InsprlAutoConfiguration.class,
					InsprlHealthContributorAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
					"insprl.client-id=client-42", "insprl.client-key=sk-live-7f3a9c1e",
					"insprl.base-url=" + stub.baseUrl(), "insprl.rate-limit.enabled=true",
					"insprl.rate-limit.store=redis")
			.withPropertyValues(properties);
	}

	/**
	 * 200 calls from two replicas, two threads each, at 10 requests a second and a burst
	 * of 5: by each arrival, the stub has seen no more than the burst and ten a second
	 * since the first (and one more, for a request granted just before the first
	 * arrived). Without the shared limit, the 200 would arrive within about a second.
	 */
	@Test
	void twoReplicasShareOneBudget() throws Exception {
		LoopbackRedis redis = closeLater(LoopbackRedis.start());
		RecordingStub stub = closeLater(new RecordingStub(Duration.ZERO, (id) -> Reply.ok()));
		ApplicationContextRunner replica = replica(redis, stub, "insprl.rate-limit.requests-per-second=10",
				"insprl.rate-limit.burst=5", "insprl.rate-limit.max-wait=60s");
		replica.run((first) -> replica.run((second) -> {
			ExecutorService callers = Executors.newFixedThreadPool(4);
			List<Future<Integer>> calls = new ArrayList<>();
			for (AssertableApplicationContext context : List.of(first, second, first, second)) {
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				calls.add(callers.submit(() -> {
					for (int i = 0; i < 50; i++) {
						service.logout("instance-" + i);
					}
					return 50;
				}));
			}
			int made = 0;
			for (Future<Integer> call : calls) {
				made += call.get(120, TimeUnit.SECONDS);
			}
			callers.shutdown();
			assertThat(made).isEqualTo(200);
		}));
		List<Arrival> arrivals = new ArrayList<>(stub.requests());
		arrivals.sort(Comparator.comparingLong(Arrival::nanos));
		assertThat(arrivals).hasSize(200);
		long first = arrivals.get(0).nanos();
		for (int k = 1; k <= arrivals.size(); k++) {
			double seconds = (arrivals.get(k - 1).nanos() - first) / 1e9;
			assertThat((double) k).as("requests by %.3f s", seconds).isLessThanOrEqualTo(5 + 10 * seconds + 1);
		}
	}

	/**
	 * One replica meets a 429 with {@code Retry-After: 2}, answered at once while the
	 * other replica sends one logout after another, each answered in 100 ms (about 19 in
	 * two seconds if nothing stopped it). Only a request whose permit was taken before
	 * the pause was stored may still arrive (one on its way, one more at most if storing
	 * the pause is slow); then the other replica sends nothing until the two seconds have
	 * passed. Counting requests, not timing them, keeps a slow machine from failing it.
	 */
	@Test
	void aRetryAfterSeenByOneReplicaPausesTheOther() throws Exception {
		LoopbackRedis redis = closeLater(LoopbackRedis.start());
		AtomicInteger limited = new AtomicInteger();
		RecordingStub stub = closeLater(new RecordingStub(Duration.ofMillis(100),
				(id) -> (id.equals("limited") && limited.getAndIncrement() == 0)
						? new Reply(429, "{\"code\":129,\"message\":\"DAILY_LIMIT_REACHED\"}", "2") : Reply.ok()));
		ApplicationContextRunner replica = replica(redis, stub, "insprl.rate-limit.requests-per-second=1000",
				"insprl.rate-limit.burst=1000");
		replica.run((first) -> replica.run((second) -> {
			InsprlWhatsAppService other = second.getBean(InsprlWhatsAppService.class);
			AtomicBoolean stop = new AtomicBoolean();
			ExecutorService background = Executors.newSingleThreadExecutor();
			Future<?> otherCalls = background.submit(() -> {
				while (!stop.get()) {
					other.logout("other");
				}
			});
			Thread.sleep(300);
			assertThat(first.getBean(InsprlWhatsAppService.class).logout("limited").code()).isEqualTo(100);
			Thread.sleep(300);
			stop.set(true);
			otherCalls.get(30, TimeUnit.SECONDS);
			background.shutdown();
		}));
		Arrival limitedAt = stub.requests()
			.stream()
			.filter((arrival) -> arrival.status() == 429)
			.findFirst()
			.orElseThrow();
		List<Duration> others = stub.requests()
			.stream()
			.filter((arrival) -> arrival.instanceId().equals("other") && arrival.nanos() > limitedAt.nanos())
			.map((arrival) -> Duration.ofNanos(arrival.nanos() - limitedAt.nanos()))
			.toList();
		assertThat(others).as("the other replica's requests after the 429, from it")
			.anySatisfy((wait) -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofMillis(1950)))
			.filteredOn((wait) -> wait.compareTo(Duration.ofMillis(1950)) < 0)
			.hasSizeLessThanOrEqualTo(2);
	}

	/**
	 * The same through Redis Sentinel: {@code spring.data.redis.sentinel.*} names the
	 * master, a sentinel started by the test finds it, and two replicas share the budget:
	 * 40 calls at 20 a second and a burst of 5, counted as above, give or take a tenth of
	 * a second of the callers' scheduling (two requests at this rate: the first calls
	 * also open the replicas' connections); the account's keys are in the master, with
	 * their expiry.
	 */
	@Test
	void twoReplicasShareOneBudgetThroughRedisSentinel() throws Exception {
		LoopbackRedis redis = closeLater(LoopbackRedis.start());
		int sentinelPort = LoopbackRedis.freePort();
		RedisSentinel sentinel = RedisSentinel.newRedisSentinel()
			.bind("127.0.0.1")
			.port(sentinelPort)
			.masterName("insprl")
			.masterPort(redis.port())
			.quorumSize(1)
			.build();
		sentinel.start();
		closeLater(sentinel::stop);
		RecordingStub stub = closeLater(new RecordingStub(Duration.ZERO, (id) -> Reply.ok()));
		// nothing listens on the standalone port: only the sentinel knows where the master is
		ApplicationContextRunner replica = replica(redis, stub, "spring.data.redis.port=" + LoopbackRedis.freePort(),
				"spring.data.redis.sentinel.master=insprl",
				"spring.data.redis.sentinel.nodes=127.0.0.1:" + sentinelPort,
				"insprl.rate-limit.requests-per-second=20", "insprl.rate-limit.burst=5",
				"insprl.rate-limit.max-wait=60s");
		replica.run((first) -> replica.run((second) -> {
			ExecutorService callers = Executors.newFixedThreadPool(4);
			List<Future<Integer>> calls = new ArrayList<>();
			for (AssertableApplicationContext context : List.of(first, second, first, second)) {
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				calls.add(callers.submit(() -> {
					for (int i = 0; i < 10; i++) {
						service.logout("instance-" + i);
					}
					return 10;
				}));
			}
			for (Future<Integer> call : calls) {
				call.get(60, TimeUnit.SECONDS);
			}
			callers.shutdown();
			RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", redis.port()));
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				assertThat(connection.sync().pttl("insprl:rate-limit:{client-42}:bucket")).isPositive()
					.isLessThanOrEqualTo(5 * 50 + 50);
			}
			finally {
				client.shutdown();
			}
		}));
		List<Arrival> arrivals = new ArrayList<>(stub.requests());
		arrivals.sort(Comparator.comparingLong(Arrival::nanos));
		assertThat(arrivals).hasSize(40);
		long first = arrivals.get(0).nanos();
		for (int k = 1; k <= arrivals.size(); k++) {
			double seconds = (arrivals.get(k - 1).nanos() - first) / 1e9;
			assertThat((double) k).as("requests by %.3f s", seconds).isLessThanOrEqualTo(5 + 20 * seconds + 3);
		}
	}

	@Test
	void whenRedisGoesAwayCallsGoOnWithTheLocalLimitByDefault(CapturedOutput output) throws Exception {
		LoopbackRedis redis = closeLater(LoopbackRedis.start());
		RecordingStub stub = closeLater(new RecordingStub(Duration.ZERO, (id) -> Reply.ok()));
		replica(redis, stub, "insprl.rate-limit.requests-per-second=1000", "insprl.rate-limit.burst=1000",
				"insprl.rate-limit.max-wait=3s")
			.run((context) -> {
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				service.logout("before");
				redis.stop();
				for (int i = 0; i < 20; i++) {
					long start = System.nanoTime();
					assertThat(service.logout("during-" + i).code()).isEqualTo(100);
					assertThat(Duration.ofNanos(System.nanoTime() - start)).as("call %d", i)
						.isLessThan(Duration.ofSeconds(3));
				}
				InsprlHealthIndicator health = context.getBean(InsprlHealthIndicator.class);
				assertThat(health.health(true).getDetails().get("rateLimit").toString())
					.contains("store unreachable since")
					.contains("calls use this JVM's own limit");
			});
		assertThat(stub.requests()).hasSize(21);
		assertThat(output.getAll().split("rate limit's store is unreachable", -1)).as("one WARN").hasSize(2);
	}

	@Test
	void whenRedisGoesAwayCallsFailFastIfToldTo() throws Exception {
		LoopbackRedis redis = closeLater(LoopbackRedis.start());
		RecordingStub stub = closeLater(new RecordingStub(Duration.ZERO, (id) -> Reply.ok()));
		replica(redis, stub, "insprl.rate-limit.requests-per-second=1000", "insprl.rate-limit.burst=1000",
				"insprl.rate-limit.max-wait=3s", "insprl.rate-limit.fail-open=false")
			.run((context) -> {
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				service.logout("before");
				redis.stop();
				for (int i = 0; i < 5; i++) {
					long start = System.nanoTime();
					assertThatExceptionOfType(InsprlException.class).isThrownBy(() -> service.logout("during"))
						.isInstanceOf(InsprlConnectionException.class)
						.satisfies((ex) -> {
							assertThat(((InsprlConnectionException) ex).getReason())
								.isEqualTo(InsprlConnectionException.Reason.RATE_LIMIT_UNAVAILABLE);
							assertThat(ex.isPossiblyProcessed()).isFalse();
						})
						.withMessageContaining("insprl.rate-limit.fail-open");
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
				}
				assertThat(context.getBean(InsprlHealthIndicator.class).health(true).getStatus())
					.isEqualTo(Status.DOWN);
			});
		assertThat(stub.requests()).as("nothing sent without the shared limit").hasSize(1);
	}

}
