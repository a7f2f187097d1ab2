package com.insprl.whatsapp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlConnectionException;
import com.insprl.client.InsprlCredentials;
import com.insprl.client.InsprlException;
import com.insprl.client.InsprlOperation;
import com.insprl.client.InsprlReply;
import com.insprl.whatsapp.campaign.CampaignTracking;
import com.insprl.whatsapp.campaign.CampaignTrackingRequest;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
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

	/** {@code POST /whatsapp/instance/logout}: unlink the WhatsApp number of an instance. */
	public static final InsprlOperation LOGOUT = new InsprlOperation("whatsapp.instance.logout",
			"/whatsapp/instance/logout", InsprlOperation.AuthScheme.RAW_KEY, true);

	/** {@code POST /whatsapp/v1/campaigns/tracking}: a campaign's counts and contacts. */
	public static final InsprlOperation CAMPAIGN_TRACKING = new InsprlOperation("whatsapp.campaigns.tracking",
			"/whatsapp/v1/campaigns/tracking", InsprlOperation.AuthScheme.BEARER, true, InsprlOperation.Encoding.JSON);

	/** Logouts a bulk logout sends at once, unless configured otherwise. */
	public static final int DEFAULT_BULK_CONCURRENCY = 4;

	private final InsprlClient client;

	private final String defaultInstanceId;

	private final int bulkConcurrency;

	/**
	 * Create a service.
	 * @param client the low-level client
	 * @param defaultInstanceId the instance used by {@link #logout()}, or {@code null}
	 */
	public InsprlWhatsAppService(InsprlClient client, String defaultInstanceId) {
		this(client, defaultInstanceId, DEFAULT_BULK_CONCURRENCY);
	}

	/**
	 * Create a service.
	 * @param client the low-level client
	 * @param defaultInstanceId the instance used by {@link #logout()}, or {@code null}
	 * @param bulkConcurrency the logouts {@link #logoutAll} sends at once
	 */
	public InsprlWhatsAppService(InsprlClient client, String defaultInstanceId, int bulkConcurrency) {
		Assert.notNull(client, "client must not be null");
		Assert.isTrue(bulkConcurrency >= 1, "bulkConcurrency must be at least 1");
		this.client = client;
		this.defaultInstanceId = StringUtils.hasText(defaultInstanceId) ? defaultInstanceId : null;
		this.bulkConcurrency = bulkConcurrency;
	}

	/**
	 * Return the same operations for another insprl account, such as a customer's whose
	 * credentials live in the application's database. It shares this service's transport,
	 * connection pool, retries, bounds, rate limits, listeners and observations, and is
	 * cheap enough to get per request. It has no default instance.
	 * @param clientId the account's CLIENT ID
	 * @param clientKey the account's CLIENT KEY
	 * @return the service for that account
	 * @throws IllegalArgumentException if a credential is unusable; the message never holds
	 * the key
	 */
	public InsprlWhatsAppService withCredentials(String clientId, String clientKey) {
		return new InsprlWhatsAppService(this.client.withCredentials(new InsprlCredentials(clientId, clientKey)), null,
				this.bulkConcurrency);
	}

	/**
	 * Log the default instance ({@code insprl.whatsapp.instance-id}) out of WhatsApp Web, so
	 * that a new QR code must be scanned to link it again.
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
	 * Log an instance out of WhatsApp Web, so that a new QR code must be scanned to link it
	 * again. The instance itself stays.
	 * @param instanceId the instance id ("SPRL INSTANCE ID") of the WhatsApp number
	 * @return insprl's answer
	 * @throws IllegalArgumentException if the instance id is null or blank
	 * @throws InsprlException if insprl did not answer with success
	 */
	public LogoutResult logout(String instanceId) {
		Assert.isTrue(StringUtils.hasText(instanceId), "instanceId must not be null or blank");
		InsprlReply reply = this.client.post(LOGOUT, Map.of("instance_id", instanceId));
		String result = reply.text("result");
		return new LogoutResult(reply.code(), reply.text("message"), (result != null) ? result : reply.text("status"));
	}

	/**
	 * Log many instances out, such as all of a customer's when offboarding it, at most
	 * {@code insprl.whatsapp.bulk-concurrency} at a time. One failure never stops the
	 * others; each id is sent once, however often it is given. A rate limit pauses the
	 * whole batch, as every call of the account: within the longest wait allowed, every
	 * logout waits it out; beyond it, the remaining logouts fail at once, unsent, with an
	 * {@code InsprlRateLimitException} that says when to try them again.
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
			runBatch(ids, succeeded, failed);
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

	private void runBatch(Set<String> ids, Map<String, LogoutResult> succeeded, Map<String, InsprlException> failed) {
		ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(ids);
		int workers = Math.min(this.bulkConcurrency, ids.size());
		CustomizableThreadFactory threads = new CustomizableThreadFactory("insprl-bulk-");
		threads.setDaemon(true);
		ExecutorService pool = Executors.newFixedThreadPool(workers, threads);
		try {
			List<Future<?>> running = new ArrayList<>(workers);
			for (int i = 0; i < workers; i++) {
				running.add(pool.submit(() -> {
					String id;
					while (!Thread.currentThread().isInterrupted() && (id = queue.poll()) != null) {
						try {
							succeeded.put(id, logout(id));
						}
						catch (InsprlException ex) {
							failed.put(id, ex);
						}
					}
				}));
			}
			for (Future<?> worker : running) {
				worker.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw (cause instanceof RuntimeException runtime) ? runtime : new IllegalStateException(cause);
		}
		finally {
			pool.shutdownNow();
		}
		for (String id : ids) {
			if (!succeeded.containsKey(id) && !failed.containsKey(id)) {
				failed.put(id, new InsprlConnectionException("Not sent: the bulk logout was interrupted",
						LOGOUT.name(), InsprlConnectionException.Reason.IO_ERROR, null));
			}
		}
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
	public String getDefaultInstanceId() {
		return this.defaultInstanceId;
	}

}
