package com.insprl.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.insprl.http.InsprlHttpTransport;
import com.insprl.http.internal.Durations;
import com.insprl.observation.InsprlObservationConvention;
import com.insprl.ratelimit.InsprlRateLimiter;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * What an {@link InsprlClientBuilder} has been given, checked as it was set. What is not
 * set is off: one attempt, no call timeout, no pause, no least time for an attempt, no
 * rate limit, no observation.
 */
final class ClientSettings {

	@Nullable String baseUrl;

	@Nullable InsprlCredentials credentials;

	boolean noDefaultAccount;

	@Nullable InsprlHttpTransport transport;

	@Nullable ClientHttpRequestFactory requestFactory;

	@Nullable Duration connectTimeout;

	@Nullable Duration readTimeout;

	Duration callTimeout = Durations.LONGEST_WAIT;

	Duration minAttemptTime = Duration.ZERO;

	Duration usageLimitPause = Duration.ZERO;

	int maxAttempts = 1;

	Duration initialBackoff = Duration.ZERO;

	Duration maxBackoff = Duration.ZERO;

	double backoffMultiplier = 1.0;

	@Nullable InsprlRateLimiter rateLimiter;

	@Nullable Duration rateLimitMaxWait;

	final List<InsprlCallListener> listeners = new ArrayList<>();

	final List<RestClientCustomizer> customizers = new ArrayList<>();

	ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	@Nullable InsprlObservationConvention observationConvention;

}
