package com.insprl.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.util.Assert;

/**
 * A budget of requests per account in a Bucket4j bucket (a number per second, and a burst
 * allowed at once), and the pauses insprl asks for. A request first waits out a pause,
 * then takes a token, waiting for one to refill; a request that would wait longer than
 * allowed waits for nothing and is refused with the wait it would have needed.
 */
abstract class BucketRateLimiter implements InsprlRateLimiter {

	private final BucketConfiguration configuration;

	BucketRateLimiter(double requestsPerSecond, int burst) {
		this.configuration = configuration(requestsPerSecond, burst);
	}

	static BucketConfiguration configuration(double requestsPerSecond, int burst) {
		Assert.isTrue(requestsPerSecond > 0, "requestsPerSecond must be positive");
		Assert.isTrue(burst >= 1, "burst must be at least 1");
		long perThousandSeconds = Math.max(1, Math.round(requestsPerSecond * 1000));
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder()
				.capacity(burst)
				.refillGreedy(perThousandSeconds, Duration.ofSeconds(1000))
				.build())
			.build();
	}

	BucketConfiguration configuration() {
		return this.configuration;
	}

	/**
	 * Return the account's bucket.
	 */
	abstract Bucket bucket(String account);

	/**
	 * Return how long the account is still paused, zero when it is not.
	 */
	abstract Duration pausedFor(String account);

	@Override
	public Duration acquire(String account, Duration maxWait) throws InterruptedException {
		long deadline = System.nanoTime() + maxWait.toNanos();
		Duration pause = pausedFor(account);
		if (!pause.isZero()) {
			if (pause.compareTo(maxWait) > 0) {
				return pause;
			}
			TimeUnit.NANOSECONDS.sleep(pause.toNanos());
		}
		Bucket bucket = bucket(account);
		while (true) {
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
			if (probe.isConsumed()) {
				return Duration.ZERO;
			}
			long wait = probe.getNanosToWaitForRefill();
			if (wait > deadline - System.nanoTime()) {
				return Duration.ofNanos(wait);
			}
			TimeUnit.NANOSECONDS.sleep(wait);
		}
	}

}
