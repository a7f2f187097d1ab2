package com.insprl.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the insprl API client.
 */
@ConfigurationProperties("insprl")
public class InsprlProperties {

	/**
	 * Whether to auto-configure the insprl client and services.
	 */
	private boolean enabled = true;

	/**
	 * Root URL of the insprl API. Must be https; plain http is accepted only for a
	 * loopback host.
	 */
	private String baseUrl = "https://insprl.com/api";

	/**
	 * Account CLIENT ID, sent as the client_id form field.
	 */
	private @Nullable String clientId;

	/**
	 * Account CLIENT KEY, sent in the Authorization header. A secret: keep it out of
	 * source control, for example in the INSPRL_CLIENT_KEY environment variable.
	 */
	private @Nullable String clientKey;

	/**
	 * Whether insprl.client-id and insprl.client-key must be set. Set to false for an
	 * application without a default account, whose every call names its account with
	 * withCredentials(clientId, clientKey).
	 */
	private boolean requireCredentials = true;

	/**
	 * Time allowed to open a connection to insprl, as spring.http.clients.connect-timeout
	 * means it on the HTTP client library.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Read timeout, as spring.http.clients.read-timeout means it on the HTTP client
	 * library: the whole exchange on the JDK client and Jetty, each read on the others,
	 * where each request must also complete within the connect timeout plus the read
	 * timeout, however slowly the reply arrives.
	 */
	private Duration readTimeout = Duration.ofSeconds(30);

	/**
	 * Most connections kept open to insprl at once, where the HTTP client library pools
	 * them (Apache HttpClient 5). A call that finds none free waits for one within its
	 * connect timeout.
	 */
	private int maxConnections = 100;

	/**
	 * The whole call's budget: its attempts, back-offs, Retry-After waits and rate-limit
	 * waits all count against it. Bounds every call, whatever the retries and waits
	 * allow.
	 */
	private Duration callTimeout = Duration.ofSeconds(60);

	/**
	 * How long an account's calls are paused when insprl reports its usage limit (code
	 * 129: daily, monthly or total) without a Retry-After. Calls during the pause fail at
	 * once, unsent, on every replica when the rate limit's store is Redis. 0 does not
	 * pause.
	 */
	private Duration usageLimitPause = Duration.ofMinutes(5);

	/**
	 * Least time a call's budget must leave for an attempt. A rate-limit wait, back-off
	 * or Retry-After that would leave less ends the call at once, unsent, as its call
	 * timeout spent, rather than send a request that could only time out after insprl may
	 * have processed it. 0 sends whatever is left.
	 */
	private Duration minAttemptTime = Duration.ofMillis(300);

	private final Ssl ssl = new Ssl();

	private final Whatsapp whatsapp = new Whatsapp();

	private final Email email = new Email();

	private final Retry retry = new Retry();

	private final Health health = new Health();

	private final RateLimit rateLimit = new RateLimit();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getClientId() {
		return this.clientId;
	}

	public void setClientId(@Nullable String clientId) {
		this.clientId = clientId;
	}

	public @Nullable String getClientKey() {
		return this.clientKey;
	}

	public void setClientKey(@Nullable String clientKey) {
		this.clientKey = clientKey;
	}

	public boolean isRequireCredentials() {
		return this.requireCredentials;
	}

	public void setRequireCredentials(boolean requireCredentials) {
		this.requireCredentials = requireCredentials;
	}

	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	public Duration getMinAttemptTime() {
		return this.minAttemptTime;
	}

	public void setMinAttemptTime(Duration minAttemptTime) {
		this.minAttemptTime = minAttemptTime;
	}

	public Duration getUsageLimitPause() {
		return this.usageLimitPause;
	}

	public void setUsageLimitPause(Duration usageLimitPause) {
		this.usageLimitPause = usageLimitPause;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Whatsapp getWhatsapp() {
		return this.whatsapp;
	}

	public Email getEmail() {
		return this.email;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Health getHealth() {
		return this.health;
	}

	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	@Override
	public String toString() {
		return "InsprlProperties{enabled=" + this.enabled + ", baseUrl='" + this.baseUrl + "', clientId='"
				+ this.clientId + "', clientKey='" + ((this.clientKey != null) ? "******" : null)
				+ "', requireCredentials=" + this.requireCredentials + ", connectTimeout=" + this.connectTimeout
				+ ", readTimeout=" + this.readTimeout + ", maxConnections=" + this.maxConnections + ", ssl=" + this.ssl
				+ ", whatsapp=" + this.whatsapp + ", retry=" + this.retry + ", health=" + this.health + ", rateLimit="
				+ this.rateLimit + "}";
	}

	/**
	 * TLS properties.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) that the insprl client and its
		 * health probe trust, for example one holding a private CA. Applies to no other
		 * client.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

		@Override
		public String toString() {
			return "Ssl{bundle='" + this.bundle + "'}";
		}

	}

	/**
	 * WhatsApp properties.
	 */
	public static class Email {

		/**
		 * Whether to register the InsprlEmailService bean, for insprl's email operations
		 * on the same account.
		 */
		private boolean enabled = true;

		/**
		 * Address of a registered mailing sender, used as the sender of a mail that names
		 * none.
		 */
		private @Nullable String sender;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getSender() {
			return this.sender;
		}

		public void setSender(@Nullable String sender) {
			this.sender = sender;
		}

	}

	public static class Whatsapp {

		/**
		 * Instance id ("SPRL INSTANCE ID") of the WhatsApp number used when an operation
		 * is called without one.
		 */
		private @Nullable String instanceId;

		/**
		 * Logouts a bulk logout (logoutAll) sends at once.
		 */
		private int bulkConcurrency = 4;

		public @Nullable String getInstanceId() {
			return this.instanceId;
		}

		public void setInstanceId(@Nullable String instanceId) {
			this.instanceId = instanceId;
		}

		public int getBulkConcurrency() {
			return this.bulkConcurrency;
		}

		public void setBulkConcurrency(int bulkConcurrency) {
			this.bulkConcurrency = bulkConcurrency;
		}

		@Override
		public String toString() {
			return "Whatsapp{instanceId='" + this.instanceId + "', bulkConcurrency=" + this.bulkConcurrency + "}";
		}

	}

	/**
	 * Retry properties. Only failures a retry can help with are retried (connection
	 * failures, timeouts, empty replies, HTTP 502/503/504, rate limits), and only when
	 * repeating the request cannot do harm.
	 */
	public static class Retry {

		/**
		 * Attempts per call, the first included. 1 turns retries off.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the first retry; later waits grow by the multiplier, with jitter.
		 */
		private Duration initialBackoff = Duration.ofMillis(200);

		/**
		 * Longest wait between attempts, and the longest Retry-After waited for; a rate
		 * limit asking for longer ends the call at once.
		 */
		private Duration maxBackoff = Duration.ofSeconds(5);

		/**
		 * Factor by which each wait grows.
		 */
		private double multiplier = 2.0;

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		@Override
		public String toString() {
			return "Retry{maxAttempts=" + this.maxAttempts + ", initialBackoff=" + this.initialBackoff + ", maxBackoff="
					+ this.maxBackoff + ", multiplier=" + this.multiplier + "}";
		}

	}

	/**
	 * Health indicator properties.
	 */
	public static class Health {

		/**
		 * How long a reachability probe's result is reused before insprl is probed again.
		 */
		private Duration cacheTtl = Duration.ofSeconds(30);

		/**
		 * Time allowed for the reachability probe to connect and be answered.
		 */
		private Duration timeout = Duration.ofSeconds(3);

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		@Override
		public String toString() {
			return "Health{cacheTtl=" + this.cacheTtl + ", timeout=" + this.timeout + "}";
		}

	}

	/**
	 * Client-side rate limit properties: a budget of requests per account, in this JVM or
	 * shared by every replica through Redis.
	 */
	public static class RateLimit {

		/**
		 * Whether to limit the requests sent per account.
		 */
		private boolean enabled;

		/**
		 * Requests per second each account may send, on average.
		 */
		private @Nullable Double requestsPerSecond;

		/**
		 * Requests an account may send at once. Defaults to one second's worth of
		 * requests.
		 */
		private @Nullable Integer burst;

		/**
		 * Longest a call waits for the limit; a call that would wait longer fails at
		 * once, without sending, with an InsprlRateLimitException.
		 */
		private Duration maxWait = Duration.ofSeconds(10);

		/**
		 * Where the budget lives: local (this JVM) or redis (shared by every replica,
		 * through Spring Boot's Redis connection, spring.data.redis.*; needs
		 * spring-boot-starter-data-redis).
		 */
		private Store store = Store.LOCAL;

		/**
		 * Longest a request to Redis may take before Redis counts as unreachable (see
		 * fail-open); never longer than max-wait, so that an unreachable Redis holds no
		 * call past it.
		 */
		private Duration storeTimeout = Duration.ofSeconds(1);

		/**
		 * Whether calls go on with this JVM's own limit while Redis is unreachable
		 * (true), or fail at once (false).
		 */
		private boolean failOpen = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Double getRequestsPerSecond() {
			return this.requestsPerSecond;
		}

		public void setRequestsPerSecond(@Nullable Double requestsPerSecond) {
			this.requestsPerSecond = requestsPerSecond;
		}

		public @Nullable Integer getBurst() {
			return this.burst;
		}

		public void setBurst(@Nullable Integer burst) {
			this.burst = burst;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public Duration getStoreTimeout() {
			return this.storeTimeout;
		}

		public void setStoreTimeout(Duration storeTimeout) {
			this.storeTimeout = storeTimeout;
		}

		public boolean isFailOpen() {
			return this.failOpen;
		}

		public void setFailOpen(boolean failOpen) {
			this.failOpen = failOpen;
		}

		@Override
		public String toString() {
			return "RateLimit{enabled=" + this.enabled + ", requestsPerSecond=" + this.requestsPerSecond + ", burst="
					+ this.burst + ", maxWait=" + this.maxWait + ", store=" + this.store + ", storeTimeout="
					+ this.storeTimeout + ", failOpen=" + this.failOpen + "}";
		}

		/**
		 * Where a rate limit's budget lives.
		 */
		public enum Store {

			/** In this JVM. */
			LOCAL,

			/** In Redis, shared by every replica. */
			REDIS

		}

	}

}
