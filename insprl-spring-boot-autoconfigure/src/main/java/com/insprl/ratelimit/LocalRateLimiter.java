package com.insprl.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;

/**
 * A rate limit per account in this JVM: a Bucket4j bucket per account, and the pauses
 * insprl asks for.
 */
public class LocalRateLimiter extends BucketRateLimiter {

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final AccountPauses pauses = new AccountPauses();

	private final double requestsPerSecond;

	private final int burst;

	/**
	 * Create a limiter.
	 * @param requestsPerSecond the requests per second each account may send, on average
	 * @param burst the requests an account may send at once
	 */
	public LocalRateLimiter(double requestsPerSecond, int burst) {
		super(requestsPerSecond, burst);
		this.requestsPerSecond = requestsPerSecond;
		this.burst = burst;
	}

	@Override
	Bucket bucket(String account) {
		return this.buckets.computeIfAbsent(account,
				(key) -> Bucket.builder().addLimit(configuration().getBandwidths()[0]).build());
	}

	@Override
	Duration pausedFor(String account) {
		return this.pauses.remaining(account);
	}

	@Override
	public void pause(String account, Instant until) {
		this.pauses.pause(account, until);
	}

	@Override
	public Map<String, Object> healthDetails() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("store", "local");
		details.put("requestsPerSecond", this.requestsPerSecond);
		details.put("burst", this.burst);
		return details;
	}

}
