package com.insprl.actuate.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.insprl.client.InsprlClient;
import com.insprl.ratelimit.InsprlRateLimiter;
import com.insprl.ratelimit.internal.PauseRegistry;
import com.insprl.ratelimit.internal.StoreHealth;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code insprl} actuator endpoint. Read, it shows the accounts paused now (with a
 * shared store, as every replica sees them), the rate limit, the last calls of each
 * operation and the configuration in effect; it never shows a key. Deleting
 * {@code insprl/{clientId}} lifts that account's pause, in this JVM and in a shared
 * store, so that its next call is sent.
 * <p>
 * It lists at most {@value #MAX_PAUSES} pauses, the soonest to end first, and what
 * {@link InsprlCallHistory} keeps of the calls.
 */
@Endpoint(id = "insprl")
public class InsprlEndpoint {

	/** The most pauses listed. */
	public static final int MAX_PAUSES = 100;

	private final InsprlClient client;

	private final InsprlCallHistory history;

	private final Map<String, Object> configuration;

	/**
	 * Create the endpoint.
	 * @param client the client whose pauses and rate limit it shows
	 * @param history the calls it shows
	 * @param configuration the configuration in effect, without any secret
	 */
	public InsprlEndpoint(InsprlClient client, InsprlCallHistory history, Map<String, Object> configuration) {
		this.client = client;
		this.history = history;
		this.configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
	}

	/**
	 * Return what the endpoint shows.
	 * @return the descriptor
	 */
	@ReadOperation
	public InsprlDescriptor insprl() {
		InsprlRateLimiter limiter = this.client.getRateLimiter();
		List<PauseRegistry.Pause> pauses = (limiter instanceof PauseRegistry registry) ? registry.pauses(MAX_PAUSES + 1)
				: List.of();
		Instant now = Instant.now();
		List<PauseDescriptor> listed = pauses.stream()
			.limit(MAX_PAUSES)
			.map((pause) -> new PauseDescriptor(pause.account(), pause.until().toString(),
					Math.max(0, Duration.between(now, pause.until()).toSeconds()), pause.reason()))
			.toList();
		Map<String, Object> rateLimit = (limiter instanceof StoreHealth health) ? health.healthDetails() : Map.of();
		return new InsprlDescriptor(new PausesDescriptor(listed, pauses.size() > MAX_PAUSES),
				rateLimit.isEmpty() ? Map.of("store", "none") : rateLimit, this.history.operations(),
				this.configuration);
	}

	/**
	 * Lift the account's pause.
	 * @param clientId the account's client id
	 * @return what was lifted, or {@code null} when the account was not paused
	 */
	@DeleteOperation
	public @Nullable LiftedPause liftPause(@Selector String clientId) {
		boolean lifted = this.client.getRateLimiter() instanceof PauseRegistry registry && registry.lift(clientId);
		return lifted ? new LiftedPause(clientId, true) : null;
	}

	/**
	 * What the endpoint shows.
	 *
	 * @param pauses the accounts paused now
	 * @param rateLimit the rate limit: its store ({@code none}, {@code local} or
	 * {@code redis}), rate and burst, and with Redis whether it is reachable and whether
	 * calls go on without it
	 * @param operations the last calls of each operation, by name
	 * @param configuration the configuration in effect, without any secret
	 */
	public record InsprlDescriptor(PausesDescriptor pauses, Map<String, Object> rateLimit,
			Map<String, InsprlCallHistory.Operation> operations, Map<String, Object> configuration) {

	}

	/**
	 * The accounts paused now, the soonest to end first.
	 *
	 * @param accounts at most {@value #MAX_PAUSES} of them
	 * @param more whether more are paused than are listed
	 */
	public record PausesDescriptor(List<PauseDescriptor> accounts, boolean more) {

	}

	/**
	 * One account paused now.
	 *
	 * @param clientId the account's client id
	 * @param until when the pause ends, as an ISO-8601 instant
	 * @param remainingSeconds the seconds left
	 * @param reason why, such as
	 * {@code usage limit DAILY_LIMIT_REACHED (HTTP 429, code 129)}
	 */
	public record PauseDescriptor(String clientId, String until, long remainingSeconds, String reason) {

	}

	/**
	 * A pause lifted.
	 *
	 * @param clientId the account's client id
	 * @param lifted {@code true}
	 */
	public record LiftedPause(String clientId, boolean lifted) {

	}

}
