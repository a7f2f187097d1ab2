package com.insprl.client;

import java.time.Duration;

import com.insprl.client.internal.BaseUrls;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.http.internal.Durations;
import com.insprl.observation.InsprlObservationConvention;
import com.insprl.ratelimit.InsprlRateLimiter;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.Assert;

/**
 * Builds an {@link InsprlClient} the way Spring Boot builds a {@code RestClient}: the
 * transport's request factory, then each {@link RestClientCustomizer} in order.
 * <p>
 * The builder holds no defaults of the starter's: the auto-configuration sets every value
 * from the {@code insprl.*} properties. What a client built by hand leaves unset is off:
 * one attempt, no call timeout, no pause, no rate limit of its own. Its base URL and its
 * timeouts must be set.
 */
public final class InsprlClientBuilder {

	final ClientSettings settings = new ClientSettings();

	InsprlClientBuilder() {
	}

	/**
	 * Set the API root: {@code https} ({@code http} only for a loopback host), with a
	 * scheme, host, port and path only.
	 * @param baseUrl an absolute URL
	 * @return this builder
	 * @throws IllegalArgumentException if the URL is unusable (the message does not quote
	 * it)
	 */
	public InsprlClientBuilder baseUrl(String baseUrl) {
		this.settings.baseUrl = BaseUrls.check(baseUrl);
		return this;
	}

	/**
	 * Set the account's credentials.
	 * @param credentials the credentials
	 * @return this builder
	 */
	public InsprlClientBuilder credentials(InsprlCredentials credentials) {
		Assert.notNull(credentials, "credentials must not be null");
		this.settings.credentials = credentials;
		return this;
	}

	/**
	 * Build a client without an account of its own, for an application whose every call
	 * names its account with {@link InsprlClient#withCredentials}.
	 * @return this builder
	 */
	public InsprlClientBuilder noDefaultAccount() {
		this.settings.noDefaultAccount = true;
		return this;
	}

	/**
	 * Set the transport to send with, closed by whoever created it; unless set, the
	 * client creates one on the library Spring Boot detects, closed with
	 * {@link InsprlClient#close()}.
	 * @param transport the transport
	 * @return this builder
	 */
	public InsprlClientBuilder transport(InsprlHttpTransport transport) {
		Assert.notNull(transport, "transport must not be null");
		this.settings.transport = transport;
		return this;
	}

	/**
	 * Send through the given request factory instead of the transport's: a test's
	 * stand-in for the network (a {@code MockRestServiceServer}'s), which gets the key.
	 * @param requestFactory the request factory
	 * @return this builder
	 */
	public InsprlClientBuilder requestFactory(ClientHttpRequestFactory requestFactory) {
		Assert.notNull(requestFactory, "requestFactory must not be null");
		this.settings.requestFactory = requestFactory;
		return this;
	}

	/**
	 * Set the connect and read timeouts, which mean what Spring Boot's
	 * {@code spring.http.clients.*} timeouts mean on the client library (see
	 * {@link InsprlHttpTransport#deadline}).
	 * @param connectTimeout the connect timeout
	 * @param readTimeout the read timeout
	 * @return this builder
	 */
	public InsprlClientBuilder timeouts(Duration connectTimeout, Duration readTimeout) {
		Durations.requireTimeout(connectTimeout, "connectTimeout");
		Durations.requireTimeout(readTimeout, "readTimeout");
		this.settings.connectTimeout = connectTimeout;
		this.settings.readTimeout = readTimeout;
		return this;
	}

	/**
	 * Set the whole call's budget, which its attempts, back-offs and waits count against
	 * ({@link InsprlClient#withOptions} sets it per call). One of a century or more is
	 * held as a century.
	 * @param callTimeout a positive duration
	 * @return this builder
	 */
	public InsprlClientBuilder callTimeout(Duration callTimeout) {
		Durations.requirePositive(callTimeout, "callTimeout");
		this.settings.callTimeout = callTimeout;
		return this;
	}

	/**
	 * Set the least time a call's budget must leave for an attempt after a wait: a wait
	 * that would leave less ends the call at once, unsent.
	 * @param minAttemptTime the least time for an attempt, zero for none
	 * @return this builder
	 */
	public InsprlClientBuilder minAttemptTime(Duration minAttemptTime) {
		Durations.requireWait(minAttemptTime, "minAttemptTime");
		this.settings.minAttemptTime = minAttemptTime;
		return this;
	}

	/**
	 * Set how long an account is paused when insprl reports its usage limit (code 129)
	 * without a {@code Retry-After}.
	 * @param usageLimitPause the pause, zero for none
	 * @return this builder
	 */
	public InsprlClientBuilder usageLimitPause(Duration usageLimitPause) {
		Durations.requireWait(usageLimitPause, "usageLimitPause");
		this.settings.usageLimitPause = usageLimitPause;
		return this;
	}

	/**
	 * Set the most attempts per call, the first included
	 * ({@link InsprlClient#withOptions} sets it per call). Only failures a retry can help
	 * with are retried, and only when repeating the request cannot do harm.
	 * @param maxAttempts at least 1; 1 turns retries off
	 * @return this builder
	 */
	public InsprlClientBuilder maxAttempts(int maxAttempts) {
		Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
		this.settings.maxAttempts = maxAttempts;
		return this;
	}

	/**
	 * Set the waits between attempts: the first retry waits the initial back-off, each
	 * later one the multiplier times longer, with jitter, up to the longest back-off,
	 * which also bounds the {@code Retry-After} waited for. Unless set, retries do not
	 * wait.
	 * @param initialBackoff the first wait, zero or more
	 * @param maxBackoff the longest wait, not shorter than the first
	 * @param multiplier the factor by which each wait grows, at least 1
	 * @return this builder
	 */
	public InsprlClientBuilder backoff(Duration initialBackoff, Duration maxBackoff, double multiplier) {
		Durations.requireWait(initialBackoff, "initialBackoff");
		Durations.requireWait(maxBackoff, "maxBackoff");
		Assert.isTrue(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff must not be shorter than initialBackoff");
		Assert.isTrue(multiplier >= 1.0, "multiplier must be at least 1");
		this.settings.initialBackoff = initialBackoff;
		this.settings.maxBackoff = maxBackoff;
		this.settings.backoffMultiplier = multiplier;
		return this;
	}

	/**
	 * Set the rate limiter every request asks for a permit, and the longest a call waits
	 * for one before it fails unsent; unless set, only insprl's pauses are honoured,
	 * waited for at most the longest back-off.
	 * @param rateLimiter the limiter
	 * @param maxWait the longest wait for a permit
	 * @return this builder
	 */
	public InsprlClientBuilder rateLimiter(InsprlRateLimiter rateLimiter, Duration maxWait) {
		Assert.notNull(rateLimiter, "rateLimiter must not be null");
		Durations.requireWait(maxWait, "maxWait");
		this.settings.rateLimiter = rateLimiter;
		this.settings.rateLimitMaxWait = maxWait;
		return this;
	}

	/**
	 * Add a customizer of the client's {@code RestClient.Builder}, applied after the
	 * transport's request factory, as Spring Boot applies its own.
	 * @param customizer the customizer
	 * @return this builder
	 */
	public InsprlClientBuilder customizer(RestClientCustomizer customizer) {
		Assert.notNull(customizer, "customizer must not be null");
		this.settings.customizers.add(customizer);
		return this;
	}

	/**
	 * Observe each call ({@code insprl.api.calls}) in the given registry; none unless
	 * set. Observe the {@code RestClient} in it too, so that attempts nest in the call.
	 * @param registry the registry
	 * @param convention the convention that names and tags each call's observation, or
	 * {@code null} for the default methods of {@link InsprlObservationConvention}
	 * @return this builder
	 */
	public InsprlClientBuilder observations(ObservationRegistry registry,
			@Nullable InsprlObservationConvention convention) {
		Assert.notNull(registry, "registry must not be null");
		this.settings.observationRegistry = registry;
		this.settings.observationConvention = convention;
		return this;
	}

	/**
	 * Add a listener told of every completed call.
	 * @param listener the listener
	 * @return this builder
	 */
	public InsprlClientBuilder listener(InsprlCallListener listener) {
		Assert.notNull(listener, "listener must not be null");
		this.settings.listeners.add(listener);
		return this;
	}

	/**
	 * Build the client.
	 * @return a new client
	 * @throws IllegalStateException if the base URL, the timeouts or the credentials
	 * (unless {@link #noDefaultAccount()}) are not set
	 */
	public InsprlClient build() {
		Assert.state(this.settings.credentials != null || this.settings.noDefaultAccount,
				"credentials must be set, unless the client is built with noDefaultAccount()");
		Assert.state(this.settings.baseUrl != null, "baseUrl must be set");
		Assert.state(this.settings.connectTimeout != null && this.settings.readTimeout != null, "timeouts must be set");
		return new ClientResources(this.settings).origin;
	}

}
