package com.insprl.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import com.insprl.client.InsprlClient;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.ratelimit.InsprlRateLimiter;
import com.insprl.ratelimit.internal.StoreHealth;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * The {@code insprl} section of {@code /actuator/info}: the starter's version, the HTTP
 * client library the insprl client sends with, the rate limit's store and the Spring Boot
 * version. Nothing of the account.
 */
final class InsprlInfoContributor implements InfoContributor {

	private final InsprlHttpTransport transport;

	private final @Nullable InsprlRateLimiter rateLimiter;

	InsprlInfoContributor(InsprlHttpTransport transport, @Nullable InsprlRateLimiter rateLimiter) {
		this.transport = transport;
		this.rateLimiter = rateLimiter;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", InsprlClient.USER_AGENT.substring(InsprlClient.USER_AGENT.indexOf('/') + 1));
		details.put("clientLibrary", this.transport.getLibrary());
		Object store = (this.rateLimiter instanceof StoreHealth health) ? health.healthDetails().get("store") : null;
		details.put("rateLimitStore", (store != null) ? store : "none");
		details.put("springBootVersion", String.valueOf(SpringBootVersion.getVersion()));
		builder.withDetail("insprl", details);
	}

}
