package com.insprl.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import com.insprl.client.internal.Listeners;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.observation.InsprlObservationConvention;
import com.insprl.ratelimit.internal.LocalRateLimiter;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * What every client built from one builder shares, whatever its account and options.
 */
final class ClientResources {

	final RestClient restClient;

	final String baseUrl;

	final RetrySettings retrySettings;

	final Listeners<InsprlCallListener, InsprlCallEvent> listeners;

	final InsprlHttpTransport transport;

	final boolean ownsTransport;

	final ObservationRegistry observationRegistry;

	final @Nullable InsprlObservationConvention observationConvention;

	final RateLimitGate gate;

	final Duration callTimeout;

	final Duration attemptDeadline;

	final Duration minAttemptTime;

	/** The client the builder built, which closes a transport the clients created. */
	final InsprlClient origin;

	/**
	 * Create what the clients of a builder share: the transport (the builder's, or one of
	 * its own on the library Spring Boot detects), the {@code RestClient} on it, and the
	 * builder's settings.
	 * @param settings the settings of a builder whose base URL and timeouts are set
	 */
	ClientResources(ClientSettings settings) {
		Duration connectTimeout = Objects.requireNonNull(settings.connectTimeout);
		Duration readTimeout = Objects.requireNonNull(settings.readTimeout);
		this.baseUrl = Objects.requireNonNull(settings.baseUrl);
		this.ownsTransport = settings.transport == null;
		this.transport = (settings.transport != null) ? settings.transport
				: InsprlHttpTransport.create(ClientHttpRequestFactoryBuilder.detect(), HttpClientSettings.defaults());
		this.restClient = restClient(
				(settings.requestFactory != null) ? settings.requestFactory
						: this.transport.requestFactory(connectTimeout, readTimeout),
				settings.customizers, this.baseUrl);
		this.attemptDeadline = this.transport.deadline(connectTimeout, readTimeout);
		this.retrySettings = new RetrySettings(settings.maxAttempts, settings.initialBackoff, settings.maxBackoff,
				settings.backoffMultiplier);
		this.listeners = new Listeners<>(settings.listeners, InsprlCallListener::onCall, InsprlClient.class);
		this.observationRegistry = settings.observationRegistry;
		this.observationConvention = settings.observationConvention;
		this.gate = new RateLimitGate(
				(settings.rateLimiter != null) ? settings.rateLimiter : LocalRateLimiter.pausesOnly(),
				(settings.rateLimitMaxWait != null) ? settings.rateLimitMaxWait : settings.maxBackoff,
				settings.usageLimitPause);
		this.callTimeout = settings.callTimeout;
		this.minAttemptTime = settings.minAttemptTime;
		InsprlCredentials credentials = settings.credentials;
		this.origin = new InsprlClient(this, credentials, (credentials != null) ? new ReplyDecoder(credentials) : null,
				InsprlCallOptions.NONE);
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
