package com.insprl.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.insprl.client.InsprlConnectionException;
import com.insprl.client.InsprlException;
import com.insprl.client.InsprlRateLimitException;
import com.insprl.health.internal.InsprlHealthIndicator;
import com.insprl.testing.Closer;
import com.insprl.testing.LongRunning;
import com.insprl.testing.LoopbackRedisCluster;
import com.insprl.testing.RecordingStub;
import com.insprl.testing.RecordingStub.Arrival;
import com.insprl.testing.RecordingStub.Reply;
import com.insprl.whatsapp.InsprlWhatsAppService;
import io.lettuce.core.cluster.RedisClusterClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two application contexts act as two replicas sharing a rate limit through a real Redis
 * Cluster of three masters on loopback ({@code spring.data.redis.cluster.nodes}), started
 * by the test: they share one budget, a pause seen by one stops the other, and a master
 * killed mid-run gives fail-open or fail-closed as configured.
 */
@LongRunning("a 20-second budget run on a Redis Cluster it starts")
class RedisClusterRateLimitTests {

	private static final String BUCKET_KEY = "insprl:rate-limit:{client-42}:bucket";

	private final Closer closer = new Closer();

	private LoopbackRedisCluster cluster;

	@BeforeEach
	void startCluster() throws Exception {
		this.cluster = this.closer.later(LoopbackRedisCluster.start());
	}

	@AfterEach
	void closeAll() throws Exception {
		this.closer.close();
	}

	/**
	 * Two replicas of one application; as in {@link SharedRateLimitTests}, the tests of
	 * the shared budget and pauses give Redis 10 s to answer.
	 */
	private ApplicationContextRunner replica(RecordingStub stub, String... properties) {
		return ReplicaScenarios.replica(stub, "spring.data.redis.cluster.nodes=" + this.cluster.nodes())
			.withPropertyValues(properties);
	}

	/**
	 * Two replicas, eight threads each, send logouts as fast as the limit lets them for
	 * 20 seconds at 20 requests a second and a burst of 10. By each arrival, the stub has
	 * seen no more than the burst and twenty a second since the callers started, give or
	 * take one request on its way and a tenth of a second of the callers' scheduling (two
	 * more). Without the shared limit, sixteen threads would send thousands.
	 */
	@Test
	void twoReplicasOfEightThreadsShareOneBudgetFor20Seconds() throws Exception {
		RecordingStub stub = this.closer.later(new RecordingStub(Duration.ZERO, (id) -> Reply.ok()));
		ApplicationContextRunner replica = replica(stub, "insprl.rate-limit.store-timeout=10s",
				"insprl.rate-limit.requests-per-second=20", "insprl.rate-limit.burst=10",
				"insprl.rate-limit.max-wait=30s");
		// 20 seconds from the first request's arrival, however long the replicas took to
		// start
		long twentySeconds = TimeUnit.SECONDS.toNanos(20);
		AtomicReference<ReplicaScenarios.Calls> calls = new AtomicReference<>();
		replica.run((first) -> replica.run((second) -> calls
			.set(ReplicaScenarios.callFromBoth(first, second, 16, (made) -> stub.requests().isEmpty()
					|| System.nanoTime() - stub.requests().get(0).nanos() < twentySeconds))));
		assertThat(calls.get().made()).isEqualTo(stub.requests().size());
		List<Arrival> arrivals = new ArrayList<>(stub.requests());
		arrivals.sort(Comparator.comparingLong(Arrival::nanos));
		System.out.println("Redis Cluster, 2 replicas x 8 threads: " + arrivals.size() + " requests in 20 s");
		double span = (arrivals.get(arrivals.size() - 1).nanos() - arrivals.get(0).nanos()) / 1e9;
		assertThat(span).as("seconds between the first and the last request").isGreaterThan(19.0);
		assertThat(arrivals.size()).as("most of the budget of 410 used, from both replicas").isGreaterThan(300);
		ReplicaScenarios.assertWithinBudget(stub, calls.get(), 20, 10, 3);
	}

	/**
	 * See {@link ReplicaScenarios#assertAPauseShowsOnEveryReplicaAndIsLiftedForAll}.
	 */
	@Test
	void aPauseShowsOnEveryReplicasEndpointAndIsLiftedForAll() throws Exception {
		RecordingStub stub = this.closer.later(ReplicaScenarios.dailyLimitStub());
		ReplicaScenarios.assertAPauseShowsOnEveryReplicaAndIsLiftedForAll(
				replica(stub, "insprl.rate-limit.store-timeout=10s", "insprl.rate-limit.requests-per-second=1000",
						"insprl.rate-limit.burst=1000", "management.endpoints.web.exposure.include=insprl"),
				stub);
	}

	/**
	 * See {@link ReplicaScenarios#assertARetryAfterSeenByOnePausesTheOther}.
	 */
	@Test
	void aRetryAfterSeenByOneReplicaPausesTheOther() throws Exception {
		RecordingStub stub = this.closer.later(ReplicaScenarios.limitingStub());
		ReplicaScenarios.assertARetryAfterSeenByOnePausesTheOther(replica(stub, "insprl.rate-limit.store-timeout=10s",
				"insprl.rate-limit.requests-per-second=1000", "insprl.rate-limit.burst=1000"), stub);
	}

	@Test
	void aUsageLimitSeenByOneReplicaFailsTheOthersCallsUnsent() throws Exception {
		RecordingStub stub = this.closer.later(new RecordingStub(Duration.ZERO,
				(id) -> new Reply(429, "{\"code\":129,\"message\":\"DAILY_LIMIT_REACHED\"}", null)));
		ApplicationContextRunner replica = replica(stub, "insprl.rate-limit.store-timeout=10s",
				"insprl.rate-limit.requests-per-second=1000", "insprl.rate-limit.burst=1000");
		replica.run((first) -> replica.run((second) -> {
			assertThat(first.getBean(LettuceConnectionFactory.class).getNativeClient())
				.as("Spring Boot's client is a cluster client")
				.isInstanceOf(RedisClusterClient.class);
			assertThatExceptionOfType(InsprlRateLimitException.class)
				.isThrownBy(() -> first.getBean(InsprlWhatsAppService.class).logout("a"))
				.satisfies((ex) -> assertThat(ex.isUsageLimit()).isTrue());
			assertThatExceptionOfType(InsprlRateLimitException.class)
				.isThrownBy(() -> second.getBean(InsprlWhatsAppService.class).logout("b"))
				.satisfies((ex) -> {
					assertThat(ex.isRefusedByClient()).isTrue();
					assertThat(ex.getAttempts()).isZero();
					assertThat(ex.getRetryAfter())
						.hasValueSatisfying((rest) -> assertThat(rest).isGreaterThan(Duration.ofMinutes(4)));
				});
		}));
		assertThat(stub.requests()).hasSize(1);
	}

	@Test
	void aMasterKilledMidRunFailsOpenToTheLocalLimit() throws Exception {
		RecordingStub stub = this.closer.later(new RecordingStub(Duration.ZERO, (id) -> Reply.ok()));
		replica(stub, "insprl.rate-limit.requests-per-second=1000", "insprl.rate-limit.burst=1000",
				"insprl.rate-limit.max-wait=2s")
			.run((context) -> {
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				callsTimed(service, 10, 2);
				this.cluster.stopNodeServing(BUCKET_KEY);
				callsTimed(service, 10, 2);
				assertThat(context.getBean(InsprlHealthIndicator.class).health(true).getDetails().get("rateLimit"))
					.asString()
					.contains("store unreachable since");
			});
		assertThat(stub.requests()).as("every call was sent").hasSize(20);
	}

	/**
	 * A replica restarted while the cluster is down starts, fails its calls at once
	 * (fail-closed, health DOWN), and shares the limit once the cluster is up, without a
	 * restart.
	 */
	@Test
	void aReplicaStartsWhileTheClusterIsDownAndSharesTheLimitOnceItIsUp() throws Exception {
		this.cluster = this.closer.later(LoopbackRedisCluster.notStarted());
		RecordingStub stub = this.closer.later(new RecordingStub(Duration.ZERO, (id) -> Reply.ok()));
		replica(stub, "insprl.rate-limit.requests-per-second=1000", "insprl.rate-limit.burst=1000",
				"insprl.rate-limit.fail-open=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				InsprlHealthIndicator health = context.getBean(InsprlHealthIndicator.class);
				assertThatExceptionOfType(InsprlConnectionException.class).isThrownBy(() -> service.logout("down"))
					.satisfies((ex) -> assertThat(ex.getReason())
						.isEqualTo(InsprlConnectionException.Reason.RATE_LIMIT_UNAVAILABLE));
				assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
				this.cluster.startAndJoin();
				ReplicaScenarios.awaitShared(service, health);
				assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
			});
		assertThat(stub.requests()).extracting(RecordingStub.Arrival::instanceId)
			.as("nothing sent without the shared limit")
			.isNotEmpty()
			.doesNotContain("down");
	}

	@Test
	void aMasterKilledMidRunFailsClosedIfToldTo() throws Exception {
		RecordingStub stub = this.closer.later(new RecordingStub(Duration.ZERO, (id) -> Reply.ok()));
		replica(stub, "insprl.rate-limit.requests-per-second=1000", "insprl.rate-limit.burst=1000",
				"insprl.rate-limit.max-wait=2s", "insprl.rate-limit.fail-open=false")
			.run((context) -> {
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				callsTimed(service, 10, 2);
				this.cluster.stopNodeServing(BUCKET_KEY);
				for (int i = 0; i < 5; i++) {
					long start = System.nanoTime();
					assertThatExceptionOfType(InsprlException.class).isThrownBy(() -> service.logout("during"))
						.isInstanceOfSatisfying(InsprlConnectionException.class, (ex) -> assertThat(ex.getReason())
							.isEqualTo(InsprlConnectionException.Reason.RATE_LIMIT_UNAVAILABLE));
					assertThat(Duration.ofNanos(System.nanoTime() - start)).as("call %d", i)
						.isLessThan(Duration.ofSeconds(2));
				}
				assertThat(context.getBean(InsprlHealthIndicator.class).health(true).getStatus())
					.isEqualTo(Status.DOWN);
			});
		assertThat(stub.requests()).as("nothing sent without the shared limit").hasSize(10);
	}

	private static void callsTimed(InsprlWhatsAppService service, int count, int maxWaitSeconds) {
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			assertThat(service.logout("instance-" + i).code()).isEqualTo(100);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("call %d", i)
				.isLessThan(Duration.ofSeconds(maxWaitSeconds));
		}
	}

}
