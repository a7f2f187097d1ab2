package com.insprl.ratelimit.internal;

import java.time.Duration;
import java.time.Instant;

import com.insprl.testing.LoopbackRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pauses of a {@link RedisRateLimiter}, as two replicas on one real Redis see them,
 * and the index that lists them ({@link RedisPauses}).
 */
class RedisPausesTests {

	private static final String UNTIL = "insprl:rate-limit:{%pauses}:until";

	private static final String WHY = "insprl:rate-limit:{%pauses}:why";

	private LoopbackRedis redis;

	private RedisClient client;

	private StatefulRedisConnection<String, String> admin;

	private RedisRateLimiter first;

	private RedisRateLimiter second;

	@BeforeEach
	void start() throws Exception {
		this.redis = LoopbackRedis.start();
		this.client = RedisClient.create(RedisURI.create("127.0.0.1", this.redis.port()));
		this.admin = this.client.connect();
		this.first = limiter();
		this.second = limiter();
	}

	@AfterEach
	void stop() throws Exception {
		this.first.close();
		this.second.close();
		this.admin.close();
		this.client.shutdown();
		this.redis.close();
	}

	private RedisRateLimiter limiter() {
		return new RedisRateLimiter(this.client.connect(ByteArrayCodec.INSTANCE), 1000, 1000, Duration.ofSeconds(10),
				"insprl:rate-limit:");
	}

	@Test
	void aPauseOneReplicaSetsIsListedByTheOtherWithWhy() {
		Instant before = Instant.now();
		this.first.pause("client-42", Duration.ofMinutes(10), "Retry-After 600s (HTTP 429, code 129)");
		this.first.pause("customer-7", Duration.ofMinutes(5), "usage limit DAILY_LIMIT_REACHED (HTTP 429, code 129)");
		assertThat(this.second.pauses(10)).extracting(PauseRegistry.Pause::account)
			.containsExactly("customer-7", "client-42");
		PauseRegistry.Pause pause = this.second.pauses(10).get(1);
		assertThat(pause.reason()).isEqualTo("Retry-After 600s (HTTP 429, code 129)");
		assertThat(pause.until()).isBetween(before.plus(Duration.ofMinutes(10)).minusSeconds(1),
				Instant.now().plus(Duration.ofMinutes(10)).plusSeconds(1));
		assertThat(this.second.pauses(1)).extracting(PauseRegistry.Pause::account).containsExactly("customer-7");
		assertThat(this.admin.sync().get("insprl:rate-limit:{client-42}:pause"))
			.isEqualTo("Retry-After 600s (HTTP 429, code 129)");
	}

	@Test
	void aShorterPauseChangesNeitherTheEndNorWhy() {
		this.first.pause("client-42", Duration.ofMinutes(10), "Retry-After 600s (HTTP 429)");
		this.second.pause("client-42", Duration.ofMinutes(1), "Retry-After 60s (HTTP 429)");
		assertThat(this.first.pauses(10)).singleElement().satisfies((pause) -> {
			assertThat(pause.reason()).isEqualTo("Retry-After 600s (HTTP 429)");
			assertThat(pause.until()).isAfter(Instant.now().plus(Duration.ofMinutes(9)));
		});
	}

	@Test
	void aPauseLiftedByOneReplicaIsLiftedForTheOther() throws InterruptedException {
		this.first.pause("client-42", Duration.ofMinutes(10), "paused");
		assertThat(this.first.acquire("client-42", Duration.ZERO)).isPositive();
		assertThat(this.second.lift("client-42")).isTrue();
		assertThat(this.first.acquire("client-42", Duration.ZERO)).isZero();
		assertThat(this.first.pauses(10)).isEmpty();
		assertThat(this.second.lift("client-42")).as("nothing left to lift").isFalse();
		assertThat(this.admin.sync().exists(UNTIL, WHY)).as("the index is gone with its last pause").isZero();
	}

	@Test
	void aPauseOfAnEarlierVersionWithoutAnIndexEntryIsStillHonouredAndLifted() throws InterruptedException {
		this.admin.sync().psetex("insprl:rate-limit:{client-42}:pause", 600_000, "1");
		assertThat(this.first.acquire("client-42", Duration.ZERO)).isPositive();
		assertThat(this.first.lift("client-42")).isTrue();
		assertThat(this.first.acquire("client-42", Duration.ZERO)).isZero();
	}

	/**
	 * 2,500 pauses that are over are still in the index (as if their replica had gone
	 * before anyone read it): each write and each read drops a thousand of them, and then
	 * the index holds only the pause of now.
	 */
	@Test
	void theIndexHoldsNoMoreThanTheAccountsPausedNow() {
		for (int i = 0; i < 2500; i++) {
			this.admin.sync().zadd(UNTIL, 1, "customer-" + i);
			this.admin.sync().hset(WHY, "customer-" + i, "paused");
		}
		this.first.pause("client-42", Duration.ofMinutes(10), "paused");
		assertThat(this.admin.sync().zcard(UNTIL)).isEqualTo(1501);
		assertThat(this.second.pauses(10)).extracting(PauseRegistry.Pause::account).containsExactly("client-42");
		assertThat(this.admin.sync().zcard(UNTIL)).isEqualTo(501);
		this.second.pauses(10);
		assertThat(this.admin.sync().zcard(UNTIL)).isOne();
		assertThat(this.admin.sync().hlen(WHY)).isOne();
		assertThat(this.admin.sync().pttl(UNTIL)).as("the index expires with its last pause")
			.isBetween(Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(11).toMillis());
	}

}
