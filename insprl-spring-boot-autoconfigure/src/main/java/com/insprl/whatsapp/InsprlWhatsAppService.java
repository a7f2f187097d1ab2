package com.insprl.whatsapp;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import com.insprl.client.InsprlCallOptions;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlCredentials;
import com.insprl.client.InsprlException;
import com.insprl.whatsapp.campaign.CampaignTracking;
import com.insprl.whatsapp.campaign.CampaignTrackingRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The insprl WhatsApp operations of one account.
 * <p>
 * Every operation either returns insprl's successful answer or throws an
 * {@link InsprlException} subclass that says what to do next; invalid arguments are
 * refused with an {@link IllegalArgumentException} before any request is sent.
 * {@link #withCredentials} gives the same operations for another account.
 */
public class InsprlWhatsAppService {

	/**
	 * {@code POST /whatsapp/instance/logout}: unlink the WhatsApp number of an instance.
	 */
	public static final InsprlClient.Operation LOGOUT = new InsprlClient.Operation("whatsapp.instance.logout",
			"/whatsapp/instance/logout", InsprlClient.Operation.AuthScheme.RAW_KEY, true);

	/** {@code POST /whatsapp/v1/campaigns/tracking}: a campaign's counts and contacts. */
	public static final InsprlClient.Operation CAMPAIGN_TRACKING = new InsprlClient.Operation(
			"whatsapp.campaigns.tracking", "/whatsapp/v1/campaigns/tracking", InsprlClient.Operation.AuthScheme.BEARER,
			true, InsprlClient.Operation.Encoding.JSON);

	private final InsprlClient client;

	private final @Nullable String defaultInstanceId;

	private final int bulkConcurrency;

	private final Executor bulkExecutor;

	/**
	 * Create a service whose bulk logouts run one at a time, on the caller's thread.
	 * @param client the low-level client
	 * @param defaultInstanceId the instance used by {@link #logout()}, or {@code null}
	 */
	public InsprlWhatsAppService(InsprlClient client, @Nullable String defaultInstanceId) {
		this(client, defaultInstanceId, 1, Runnable::run);
	}

	/**
	 * Create a service.
	 * @param client the low-level client
	 * @param defaultInstanceId the instance used by {@link #logout()}, or {@code null}
	 * @param bulkConcurrency the logouts {@link #logoutAll} sends at once
	 * @param bulkExecutor the executor {@link #logoutAll} runs its logouts on, at most
	 * {@code bulkConcurrency} tasks at a time; each runs in the caller's context
	 */
	public InsprlWhatsAppService(InsprlClient client, @Nullable String defaultInstanceId, int bulkConcurrency,
			Executor bulkExecutor) {
		Assert.notNull(client, "client must not be null");
		Assert.isTrue(bulkConcurrency >= 1, "bulkConcurrency must be at least 1");
		Assert.notNull(bulkExecutor, "bulkExecutor must not be null");
		this.client = client;
		this.defaultInstanceId = StringUtils.hasText(defaultInstanceId) ? defaultInstanceId : null;
		this.bulkConcurrency = bulkConcurrency;
		this.bulkExecutor = bulkExecutor;
	}

	/**
	 * Return the same operations for another insprl account, such as a customer's whose
	 * credentials live in the application's database. It shares this service's transport,
	 * connection pool, retries, bounds, rate limits, listeners and observations, and is
	 * cheap enough to get per request. It has no default instance.
	 * @param clientId the account's CLIENT ID
	 * @param clientKey the account's CLIENT KEY
	 * @return the service for that account
	 * @throws IllegalArgumentException if a credential is unusable; the message never
	 * holds the key
	 */
	public InsprlWhatsAppService withCredentials(String clientId, String clientKey) {
		return new InsprlWhatsAppService(this.client.withCredentials(new InsprlCredentials(clientId, clientKey)), null,
				this.bulkConcurrency, this.bulkExecutor);
	}

	/**
	 * Return a view of this service whose calls use the given options (a call timeout,
	 * the most attempts); what they do not set keeps the configured value. It composes
	 * with {@link #withCredentials} in either order, a bulk logout through it applies the
	 * options to each logout, and it is as cheap as {@link #withCredentials}.
	 * @param options the options
	 * @return the service with those options
	 */
	public InsprlWhatsAppService withOptions(InsprlCallOptions options) {
		return new InsprlWhatsAppService(this.client.withOptions(options), this.defaultInstanceId, this.bulkConcurrency,
				this.bulkExecutor);
	}

	/**
	 * Log the default instance ({@code insprl.whatsapp.instance-id}) out of WhatsApp Web,
	 * so that a new QR code must be scanned to link it again.
	 * @return insprl's answer
	 * @throws IllegalStateException if no default instance is configured
	 * @throws InsprlException if insprl did not answer with success
	 */
	public LogoutResult logout() {
		Assert.state(this.defaultInstanceId != null,
				"No default WhatsApp instance is configured: set insprl.whatsapp.instance-id "
						+ "(INSPRL_WHATSAPP_INSTANCE_ID) or call logout(instanceId)");
		return logout(this.defaultInstanceId);
	}

	/**
	 * Log an instance out of WhatsApp Web, so that a new QR code must be scanned to link
	 * it again. The instance itself stays.
	 * @param instanceId the instance id ("SPRL INSTANCE ID") of the WhatsApp number
	 * @return insprl's answer
	 * @throws IllegalArgumentException if the instance id is null or blank
	 * @throws InsprlException if insprl did not answer with success
	 */
	public LogoutResult logout(String instanceId) {
		Assert.isTrue(StringUtils.hasText(instanceId), "instanceId must not be null or blank");
		InsprlClient.Reply reply = this.client.post(LOGOUT, Map.of("instance_id", instanceId));
		String result = reply.text("result");
		return new LogoutResult(reply.code(), reply.text("message"), (result != null) ? result : reply.text("status"));
	}

	/**
	 * Log many instances out, such as all of a customer's when offboarding it, at most
	 * {@code insprl.whatsapp.bulk-concurrency} at a time, on the bulk executor and in the
	 * caller's context (its current observation is each logout's parent). One failure
	 * never stops the others; each id is sent once, however often it is given. A rate
	 * limit pauses the whole batch, as every call of the account: within the longest wait
	 * allowed, every logout waits it out; beyond it, the remaining logouts fail at once,
	 * unsent, with an {@code InsprlRateLimitException} that says when to try them again.
	 * @param instanceIds the instance ids
	 * @return every instance id, in the order given, as succeeded or failed
	 * @throws IllegalArgumentException if the collection is null or holds a null or blank
	 * id, before any request
	 * @throws IllegalStateException if the service has no account
	 */
	public BulkLogoutResult logoutAll(Collection<String> instanceIds) {
		Assert.notNull(instanceIds, "instanceIds must not be null");
		Set<String> ids = new LinkedHashSet<>();
		for (String instanceId : instanceIds) {
			Assert.isTrue(StringUtils.hasText(instanceId), "instanceIds must not hold a null or blank id");
			ids.add(instanceId);
		}
		Assert.state(this.client.getCredentials() != null, "No default insprl account: set insprl.client-id and "
				+ "insprl.client-key, or call withCredentials(clientId, clientKey) for the account to use");
		Map<String, LogoutResult> succeeded = new ConcurrentHashMap<>();
		Map<String, InsprlException> failed = new ConcurrentHashMap<>();
		if (!ids.isEmpty()) {
			new BulkLogout(this.bulkExecutor, this.bulkConcurrency).run(ids, this::logout, succeeded, failed);
		}
		Map<String, LogoutResult> orderedSuccesses = new LinkedHashMap<>();
		Map<String, InsprlException> orderedFailures = new LinkedHashMap<>();
		for (String id : ids) {
			if (succeeded.containsKey(id)) {
				orderedSuccesses.put(id, succeeded.get(id));
			}
			else {
				orderedFailures.put(id, failed.get(id));
			}
		}
		return new BulkLogoutResult(orderedSuccesses, orderedFailures);
	}

	/**
	 * Return a campaign's counts and first page of contacts.
	 * @param accountId the WhatsApp Account UID
	 * @param campaignUid the campaign's UID
	 * @return the tracking
	 * @throws IllegalArgumentException if an id is null or blank
	 * @throws InsprlException if insprl did not answer with success
	 */
	public CampaignTracking campaignTracking(String accountId, String campaignUid) {
		return campaignTracking(CampaignTrackingRequest.builder(accountId, campaignUid).build());
	}

	/**
	 * Return a campaign's counts and a page of its contacts, as the request asks.
	 * @param request the campaign, page size and filters
	 * @return the tracking
	 * @throws InsprlException if insprl did not answer with success
	 */
	public CampaignTracking campaignTracking(CampaignTrackingRequest request) {
		Assert.notNull(request, "request must not be null");
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("account_id", request.accountId());
		fields.put("campaign_uid", request.campaignUid());
		if (request.perPage() != null) {
			fields.put("per_page", request.perPage());
		}
		if (request.status() != null) {
			fields.put("status", request.status().value());
		}
		if (request.phone() != null) {
			fields.put("phone", request.phone());
		}
		return CampaignTracking.from(this.client.post(CAMPAIGN_TRACKING, fields).body().get("data"));
	}

	/**
	 * Return the default instance id, if one is configured.
	 * @return the instance id, or {@code null}
	 */
	public @Nullable String getDefaultInstanceId() {
		return this.defaultInstanceId;
	}

}
