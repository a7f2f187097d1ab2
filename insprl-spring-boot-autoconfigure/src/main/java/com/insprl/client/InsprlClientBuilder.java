package com.insprl.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import com.insprl.client.internal.BaseUrls;
import com.insprl.client.internal.Listeners;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.http.internal.Durations;
import com.insprl.observation.InsprlObservationConvention;
import com.insprl.ratelimit.InsprlRateLimiter;
import com.insprl.ratelimit.internal.LocalRateLimiter;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * Builds an {@link InsprlClient} the way Spring Boot builds a {@code RestClient}: the
 * transport's request factory, then each {@link RestClientCustomizer} in order.
 */
public final class InsprlClientBuilder {

	/** The API root used unless another is set. */
	public static final String DEFAULT_BASE_URL = "https://insprl.com/api";

	/** The time to open a connection, unless set. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/** The time for the reply once connected, unless set. */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	private String baseUrl = DEFAULT_BASE_URL;

	private @Nullable InsprlCredentials credentials;

	private @Nullable InsprlHttpTransport transport;

	private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

	private Duration readTimeout = DEFAULT_READ_TIMEOUT;

	private InsprlRetrySettings retrySettings = InsprlRetrySettings.DEFAULTS;

	private final List<InsprlCallListener> listeners = new ArrayList<>();

	private @Nullable Supplier<? extends List<? extends InsprlCallListener>> deferredListeners;

	private final List<RestClientCustomizer> customizers = new ArrayList<>();

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable InsprlRateLimiter rateLimiter;

	private @Nullable Duration rateLimitMaxWait;

	private Duration usageLimitPause = InsprlClient.DEFAULT_USAGE_LIMIT_PAUSE;

	private Duration minAttemptTime = InsprlClient.DEFAULT_MIN_ATTEMPT_TIME;

	private Duration callTimeout = InsprlClient.DEFAULT_CALL_TIMEOUT;

	private boolean noDefaultAccount;

	private @Nullable ClientHttpRequestFactory requestFactory;

	private @Nullable InsprlObservationConvention observationConvention;

	InsprlClientBuilder() {
	}

	/**
	 * Set the API root: {@code https} ({@code http} only for a loopback host), with a
	 * scheme, host, port and path only; {@code https://insprl.com/api} by default.
	 * @param baseUrl an absolute URL
	 * @return this builder
	 * @throws IllegalArgumentException if the URL is unusable (the message does not quote
	 * it)
	 */
	public InsprlClientBuilder baseUrl(String baseUrl) {
		this.baseUrl = BaseUrls.check(baseUrl, DEFAULT_BASE_URL);
		return this;
	}

	/**
	 * Set the account's credentials.
	 * @param credentials the credentials
	 * @return this builder
	 */
	public InsprlClientBuilder credentials(InsprlCredentials credentials) {
		Assert.notNull(credentials, "credentials must not be null");
		this.credentials = credentials;
		return this;
	}

	/**
	 * Build a client without an account of its own, for an application whose every call
	 * names its account with {@link InsprlClient#withCredentials}.
	 * @return this builder
	 */
	public InsprlClientBuilder noDefaultAccount() {
		this.noDefaultAccount = true;
		return this;
	}

	/**
	 * Set the rate limiter every request asks for a permit, and the longest a call waits
	 * for one before it fails unsent; unless set, only insprl's pauses are honoured.
	 * @param rateLimiter the limiter
	 * @param maxWait the longest wait for a permit
	 * @return this builder
	 */
	public InsprlClientBuilder rateLimiter(InsprlRateLimiter rateLimiter, Duration maxWait) {
		Assert.notNull(rateLimiter, "rateLimiter must not be null");
		Durations.requireWait(maxWait, "maxWait");
		this.rateLimiter = rateLimiter;
		this.rateLimitMaxWait = maxWait;
		return this;
	}

	/**
	 * Set the whole call's budget, which its attempts, back-offs and waits count against;
	 * 60 seconds unless set. {@link InsprlClient#withOptions} sets it per call.
	 * @param callTimeout a positive duration
	 * @return this builder
	 */
	public InsprlClientBuilder callTimeout(Duration callTimeout) {
		Durations.requirePositive(callTimeout, "callTimeout");
		this.callTimeout = callTimeout;
		return this;
	}

	/**
	 * Set the least time a call's budget must leave for an attempt after a wait; 300 ms
	 * unless set, zero sends whatever is left.
	 * @param minAttemptTime the least time for an attempt
	 * @return this builder
	 */
	public InsprlClientBuilder minAttemptTime(Duration minAttemptTime) {
		Durations.requireWait(minAttemptTime, "minAttemptTime");
		this.minAttemptTime = minAttemptTime;
		return this;
	}

	/**
	 * Set how long an account is paused when insprl reports its usage limit (code 129)
	 * without a {@code Retry-After}; five minutes unless set, zero does not pause.
	 * @param usageLimitPause the pause
	 * @return this builder
	 */
	public InsprlClientBuilder usageLimitPause(Duration usageLimitPause) {
		Durations.requireWait(usageLimitPause, "usageLimitPause");
		this.usageLimitPause = usageLimitPause;
		return this;
	}

	/**
	 * Set the transport to send with, closed by whoever created it; unless set, the
	 * client creates one, closed with {@link InsprlClient#close()}.
	 * @param transport the transport
	 * @return this builder
	 */
	public InsprlClientBuilder transport(InsprlHttpTransport transport) {
		Assert.notNull(transport, "transport must not be null");
		this.transport = transport;
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
		this.requestFactory = requestFactory;
		return this;
	}

	/**
	 * Set the connect and read timeouts, which mean what Spring Boot's
	 * {@code spring.http.clients.*} timeouts mean on the client library (see
	 * {@link InsprlHttpTransport#deadline}). 5 s and 30 s unless set.
	 * @param connectTimeout the connect timeout
	 * @param readTimeout the read timeout
	 * @return this builder
	 */
	public InsprlClientBuilder timeouts(Duration connectTimeout, Duration readTimeout) {
		Durations.requireTimeout(connectTimeout, "connectTimeout");
		Durations.requireTimeout(readTimeout, "readTimeout");
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
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
		this.customizers.add(customizer);
		return this;
	}

	/**
	 * Set the registry each call is observed in ({@code insprl.api.calls}); none unless
	 * set. Observe the {@code RestClient} in it too, so that attempts nest in the call.
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public InsprlClientBuilder observationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "observationRegistry must not be null");
		this.observationRegistry = observationRegistry;
		return this;
	}

	/**
	 * Set the convention that names and tags each call's observation, instead of the
	 * default methods of {@link InsprlObservationConvention}.
	 * @param observationConvention the convention
	 * @return this builder
	 */
	public InsprlClientBuilder observationConvention(InsprlObservationConvention observationConvention) {
		Assert.notNull(observationConvention, "observationConvention must not be null");
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * Set how failed calls are retried; {@link InsprlRetrySettings#DEFAULTS} unless set.
	 * @param retrySettings the retry settings, {@link InsprlRetrySettings#NONE} for none
	 * @return this builder
	 */
	public InsprlClientBuilder retry(InsprlRetrySettings retrySettings) {
		Assert.notNull(retrySettings, "retrySettings must not be null");
		this.retrySettings = retrySettings;
		return this;
	}

	/**
	 * Add a listener told of every completed call.
	 * @param listener the listener
	 * @return this builder
	 */
	public InsprlClientBuilder listener(InsprlCallListener listener) {
		Assert.notNull(listener, "listener must not be null");
		this.listeners.add(listener);
		return this;
	}

	/**
	 * Add listeners known only once the client exists (beans that depend on it), told
	 * after those of {@link #listener}: the supplier is asked at every completed call, so
	 * it should only hand out what it holds; its failure is logged, never thrown.
	 * @param listeners gives the listeners
	 * @return this builder
	 */
	public InsprlClientBuilder deferredListeners(Supplier<? extends List<? extends InsprlCallListener>> listeners) {
		Assert.notNull(listeners, "listeners must not be null");
		this.deferredListeners = listeners;
		return this;
	}

	/**
	 * Build the client.
	 * @return a new client
	 */
	public InsprlClient build() {
		Assert.state(this.credentials != null || this.noDefaultAccount,
				"credentials must be set, unless the client is built with noDefaultAccount()");
		InsprlHttpTransport owned = (this.transport != null) ? null : InsprlHttpTransport.detect();
		InsprlHttpTransport used = (owned != null) ? owned : Objects.requireNonNull(this.transport);
		RestClient restClient = ClientResources.restClient((this.requestFactory != null) ? this.requestFactory
				: used.requestFactory(this.connectTimeout, this.readTimeout), this.customizers, this.baseUrl);
		ClientResources resources = new ClientResources(restClient, this.baseUrl, InsprlClient.DEFAULT_MAX_REPLY_BYTES,
				this.retrySettings,
				new Listeners<>(this.listeners, this.deferredListeners, InsprlCallListener::onCall, InsprlClient.class),
				used, owned != null, this.observationRegistry, this.observationConvention,
				Objects.requireNonNullElseGet(this.rateLimiter, LocalRateLimiter::pausesOnly),
				Objects.requireNonNullElse(this.rateLimitMaxWait, this.retrySettings.maxBackoff()),
				this.usageLimitPause, this.callTimeout, used.deadline(this.connectTimeout, this.readTimeout),
				this.minAttemptTime);
		InsprlClient client = new InsprlClient(resources, this.credentials);
		resources.origin = client;
		return client;
	}

}
