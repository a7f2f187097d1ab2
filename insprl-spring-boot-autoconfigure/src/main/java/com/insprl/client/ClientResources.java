package com.insprl.client;

import java.time.Duration;
import java.util.List;

import com.insprl.client.internal.Listeners;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.observation.InsprlObservationConvention;
import com.insprl.ratelimit.InsprlRateLimiter;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * What every client built from one builder shares, whatever its account and options.
 */
final class ClientResources {

	final RestClient restClient;

	final String baseUrl;

	final int maxReplyBytes;

	final InsprlRetrySettings retrySettings;

	final Listeners<InsprlCallListener, InsprlCallEvent> listeners;

	final InsprlHttpTransport transport;

	final boolean ownsTransport;

	final ObservationRegistry observationRegistry;

	final @Nullable InsprlObservationConvention observationConvention;

	final InsprlRateLimiter rateLimiter;

	final Duration rateLimitMaxWait;

	final Duration usageLimitPause;

	final Duration callTimeout;

	final Duration attemptDeadline;

	final Duration minAttemptTime;

	@Nullable InsprlClient origin;

	ClientResources(RestClient restClient, String baseUrl, int maxReplyBytes, InsprlRetrySettings retrySettings,
			Listeners<InsprlCallListener, InsprlCallEvent> listeners, InsprlHttpTransport transport,
			boolean ownsTransport, ObservationRegistry observationRegistry,
			@Nullable InsprlObservationConvention observationConvention, InsprlRateLimiter rateLimiter,
			Duration rateLimitMaxWait, Duration usageLimitPause, Duration callTimeout, Duration attemptDeadline,
			Duration minAttemptTime) {
		this.restClient = restClient;
		this.baseUrl = baseUrl;
		this.maxReplyBytes = maxReplyBytes;
		this.retrySettings = retrySettings;
		this.listeners = listeners;
		this.transport = transport;
		this.ownsTransport = ownsTransport;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.rateLimiter = rateLimiter;
		this.rateLimitMaxWait = rateLimitMaxWait;
		this.usageLimitPause = usageLimitPause;
		this.callTimeout = callTimeout;
		this.attemptDeadline = attemptDeadline;
		this.minAttemptTime = minAttemptTime;
	}

	/**
	 * Build the {@code RestClient} calls go through, the way Spring Boot builds one: the
	 * request factory, then each customizer in order. The request factory is set again
	 * once they have run, under the interceptors they add: the transport is the insprl
	 * client's, and the key is added only as each request goes out, where no interceptor
	 * of the application sees it.
	 * @param requestFactory the request factory that sends: the transport's
	 * @param customizers the customizers
	 * @param baseUrl the API root
	 * @return the client
	 */
	static RestClient restClient(ClientHttpRequestFactory requestFactory, List<RestClientCustomizer> customizers,
			String baseUrl) {
		AuthorizingRequestFactory authorizing = new AuthorizingRequestFactory(requestFactory);
		RestClient.Builder builder = RestClient.builder().requestFactory(authorizing);
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder.requestFactory(authorizing).uriBuilderFactory(new ExpandedPaths(baseUrl)).build();
	}

}
