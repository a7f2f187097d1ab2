package com.insprl.autoconfigure;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.insprl.client.InsprlConnectionException;
import com.insprl.client.InsprlException;
import com.insprl.health.internal.InsprlHealthIndicator;
import com.insprl.ratelimit.InsprlRateLimiter;
import com.insprl.testing.Closer;
import com.insprl.testing.LongRunning;
import com.insprl.testing.LoopbackRedis;
import com.insprl.testing.ReadsLogs;
import com.insprl.testing.RecordingStub;
import com.insprl.testing.RecordingStub.Reply;
import com.insprl.whatsapp.InsprlWhatsAppService;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.embedded.RedisSentinel;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
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
@ReadsLogs
@LongRunning("budget runs of several seconds through Redis")
class SharedRateLimitTests {

	private final Closer closer = new Closer();

	@AfterEach
	void closeAll() throws Exception {
		this.closer.close();
	}

	/**
	 * Two replicas of one application. The tests of the shared budget and pauses give
	 * Redis 10 s to answer (insprl.rate-limit.store-timeout), so that a busy machine
	 * never makes a replica fall back to its own limit; the tests of Redis going away
	 * keep the default.
	 */
	private ApplicationContextRunner replica(LoopbackRedis redis, RecordingStub stub, String... properties) {
		return ReplicaScenarios
			.replica(stub, "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port())
			.withPropertyValues(properties);
	}

	/**
	 * 200 calls from two replicas, two threads each, at 10 requests a second and a burst
	 * of 5: by each arrival, the stub has seen no more than the burst and ten a second
	 * since the callers started (and one more, for a request on its way). Without the
	 * shared limit, the 200 would arrive within about a second.
	 */
	@Test
	void twoReplicasShareOneBudget() throws Exception {
		LoopbackRedis redis = this.closer.later(LoopbackRedis.start());
		RecordingStub stub = this.closer.later(new RecordingStub(Duration.ZERO, (id) -> Reply.ok()));
		ApplicationContextRunner replica = replica(redis, stub, "insprl.rate-limit.store-timeout=10s",
				"insprl.rate-limit.requests-per-second=10", "insprl.rate-limit.burst=5",
				"insprl.rate-limit.max-wait=60s");
		AtomicReference<ReplicaScenarios.Calls> calls = new AtomicReference<>();
		replica.run((first) -> replica
			.run((second) -> calls.set(ReplicaScenarios.callFromBoth(first, second, 4, (made) -> made < 50))));
		assertThat(calls.get().made()).isEqualTo(200);
		assertThat(stub.requests()).hasSize(200);
		ReplicaScenarios.assertWithinBudget(stub, calls.get(), 10, 5, 1);
	}

	/**
	 * See {@link ReplicaScenarios#assertAPauseShowsOnEveryReplicaAndIsLiftedForAll}.
	 */
	@Test
	void aPauseShowsOnEveryReplicasEndpointAndIsLiftedForAll() throws Exception {
		LoopbackRedis redis = this.closer.later(LoopbackRedis.start());
		RecordingStub stub = this.closer.later(ReplicaScenarios.dailyLimitStub());
		ReplicaScenarios.assertAPauseShowsOnEveryReplicaAndIsLiftedForAll(replica(redis, stub,
				"insprl.rate-limit.store-timeout=10s", "insprl.rate-limit.requests-per-second=1000",
				"insprl.rate-limit.burst=1000", "management.endpoints.web.exposure.include=insprl"), stub);
	}

	/**
	 * See {@link ReplicaScenarios#assertARetryAfterSeenByOnePausesTheOther}.
	 */
	@Test
	void aRetryAfterSeenByOneReplicaPausesTheOther() throws Exception {
		LoopbackRedis redis = this.closer.later(LoopbackRedis.start());
		RecordingStub stub = this.closer.later(ReplicaScenarios.limitingStub());
		ReplicaScenarios
			.assertARetryAfterSeenByOnePausesTheOther(replica(redis, stub, "insprl.rate-limit.store-timeout=10s",
					"insprl.rate-limit.requests-per-second=1000", "insprl.rate-limit.burst=1000"), stub);
	}

	/**
	 * The same through Redis Sentinel: {@code spring.data.redis.sentinel.*} names the
	 * master, a sentinel started by the test finds it, and two replicas share the budget:
	 * 40 calls at 20 a second and a burst of 5, counted as above, give or take a tenth of
	 * a second of the callers' scheduling (two requests at this rate: the first calls
	 * also open the replicas' connections); a pause set through one replica is in the
	 * master, with its expiry.
	 */
	@Test
	void twoReplicasShareOneBudgetThroughRedisSentinel() throws Exception {
		LoopbackRedis redis = this.closer.later(LoopbackRedis.start());
		int sentinelPort = LoopbackRedis.onFreePort(LoopbackRedis::freePort, (port) -> {
			RedisSentinel sentinel = RedisSentinel.newRedisSentinel()
				.bind("127.0.0.1")
				.port(port)
				.masterName("insprl")
				.masterPort(redis.port())
				.quorumSize(1)
				.build();
			sentinel.start();
			this.closer.later(sentinel::stop);
			return port;
		});
		RecordingStub stub = this.closer.later(new RecordingStub(Duration.ZERO, (id) -> Reply.ok()));
		// nothing listens on the standalone port: only the sentinel knows where the
		// master is
		ApplicationContextRunner replica = replica(redis, stub, "insprl.rate-limit.store-timeout=10s",
				"spring.data.redis.port=" + LoopbackRedis.freePort(), "spring.data.redis.sentinel.master=insprl",
				"spring.data.redis.sentinel.nodes=127.0.0.1:" + sentinelPort,
				"insprl.rate-limit.requests-per-second=20", "insprl.rate-limit.burst=5",
				"insprl.rate-limit.max-wait=60s");
		AtomicReference<ReplicaScenarios.Calls> calls = new AtomicReference<>();
		replica.run((first) -> replica.run((second) -> {
			calls.set(ReplicaScenarios.callFromBoth(first, second, 4, (made) -> made < 10));
			assertThat(calls.get().made()).isEqualTo(40);
			// a pause, which outlives any scheduling delay, shows where the keys are
			first.getBean(InsprlRateLimiter.class).pause("client-42", Duration.ofSeconds(30), "paused");
			RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", redis.port()));
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				assertThat(connection.sync().pttl("insprl:rate-limit:{client-42}:pause")).isPositive()
					.isLessThanOrEqualTo(30_000);
			}
			finally {
				client.shutdown();
			}
		}));
		assertThat(stub.requests()).hasSize(40);
		ReplicaScenarios.assertWithinBudget(stub, calls.get(), 20, 5, 3);
	}

	/**
	 * Other test classes run at the same time and may log the same WARN, so the calls
	 * during the outage are made from a thread of this test's own, whose lines are
	 * counted (named in 15 characters, all that Spring Boot's log pattern shows).
	 */
	@Test
	void whenRedisGoesAwayCallsGoOnWithTheLocalLimitByDefault(CapturedOutput output) throws Exception {
		LoopbackRedis redis = this.closer.later(LoopbackRedis.start());
		RecordingStub stub = this.closer.later(new RecordingStub(Duration.ZERO, (id) -> Reply.ok()));
		String caller = "redis-gone-test";
		ExecutorService callerThread = Executors.newSingleThreadExecutor((task) -> new Thread(task, caller));
		this.closer.later(callerThread::shutdownNow);
		replica(redis, stub, "insprl.rate-limit.requests-per-second=1000", "insprl.rate-limit.burst=1000",
				"insprl.rate-limit.max-wait=3s")
			.run((context) -> {
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				service.logout("before");
				redis.stop();
				callerThread.submit(() -> {
					for (int i = 0; i < 20; i++) {
						long start = System.nanoTime();
						assertThat(service.logout("during-" + i).code()).isEqualTo(100);
						assertThat(Duration.ofNanos(System.nanoTime() - start)).as("call %d", i)
							.isLessThan(Duration.ofSeconds(3));
					}
					return null;
				}).get(60, TimeUnit.SECONDS);
				InsprlHealthIndicator health = context.getBean(InsprlHealthIndicator.class);
				assertThat(health.health(true).getDetails().get("rateLimit").toString())
					.contains("store unreachable since")
					.contains("calls use this JVM's own limit");
			});
		assertThat(stub.requests()).hasSize(21);
		assertThat(output.getAll()
			.lines()
			.filter((line) -> line.contains("[" + caller + "]"))
			.filter((line) -> line.contains("rate limit's store is unreachable"))).as("one WARN").hasSize(1);
	}

	/**
	 * A replica restarted while Redis is down starts, serves calls under its own limit
	 * (fail-open), and shares the limit once Redis is up, without a restart: nothing
	 * connects to Redis while the application starts.
	 */
	@Test
	void aReplicaStartsWhileRedisIsDownAndSharesTheLimitOnceItIsUp() throws Exception {
		LoopbackRedis redis = this.closer.later(LoopbackRedis.notStarted());
		RecordingStub stub = this.closer.later(new RecordingStub(Duration.ZERO, (id) -> Reply.ok()));
		replica(redis, stub, "insprl.rate-limit.requests-per-second=1000", "insprl.rate-limit.burst=1000")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				InsprlHealthIndicator health = context.getBean(InsprlHealthIndicator.class);
				assertThat(service.logout("while-down").code()).isEqualTo(100);
				assertThat(health.health(true).getDetails().get("rateLimit").toString())
					.contains("store unreachable since");
				redis.startServer();
				ReplicaScenarios.awaitShared(service, health);
			});
	}

	/**
	 * An interrupt belongs to the interrupted caller: its call ends as interrupted, and
	 * the next call, failing closed, still shares the limit through Redis.
	 */
	@Test
	void anInterruptedCallerEndsInterruptedAndOthersKeepTheSharedLimit() throws Exception {
		LoopbackRedis redis = this.closer.later(LoopbackRedis.start());
		RecordingStub stub = this.closer.later(new RecordingStub(Duration.ZERO, (id) -> Reply.ok()));
		replica(redis, stub, "insprl.rate-limit.store-timeout=10s", "insprl.rate-limit.requests-per-second=1000",
				"insprl.rate-limit.burst=1000", "insprl.rate-limit.fail-open=false")
			.run((context) -> {
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				assertThat(service.logout("before").code()).isEqualTo(100);
				Thread.currentThread().interrupt();
				try {
					assertThatExceptionOfType(InsprlConnectionException.class)
						.isThrownBy(() -> service.logout("interrupted"))
						.satisfies((ex) -> assertThat(ex.getReason())
							.isEqualTo(InsprlConnectionException.Reason.INTERRUPTED));
				}
				finally {
					Thread.interrupted();
				}
				assertThat(service.logout("after").code()).isEqualTo(100);
				Health health = context.getBean(InsprlHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails().get("rateLimit").toString()).contains("state=shared");
			});
		assertThat(stub.requests()).as("the interrupted call was not sent").hasSize(2);
	}

	@Test
	void whenRedisGoesAwayCallsFailFastIfToldTo() throws Exception {
		LoopbackRedis redis = this.closer.later(LoopbackRedis.start());
		RecordingStub stub = this.closer.later(new RecordingStub(Duration.ZERO, (id) -> Reply.ok()));
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
