package com.insprl.whatsapp;

import java.util.Map;

import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlException;
import com.insprl.client.InsprlOperation;
import com.insprl.client.InsprlReply;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The insprl WhatsApp operations of one account.
 * <p>
 * Every operation either returns insprl's successful answer or throws an
 * {@link InsprlException} subclass that says what to do next; invalid arguments are
 * refused with an {@link IllegalArgumentException} before any request is sent.
 */
public class InsprlWhatsAppService {

	/** {@code POST /whatsapp/instance/logout}: unlink the WhatsApp number of an instance. */
	public static final InsprlOperation LOGOUT = new InsprlOperation("whatsapp.instance.logout",
			"/whatsapp/instance/logout", InsprlOperation.AuthScheme.RAW_KEY, true);

	private final InsprlClient client;

	private final String defaultInstanceId;

	/**
	 * Create a service.
	 * @param client the low-level client
	 * @param defaultInstanceId the instance used by {@link #logout()}, or {@code null}
	 */
	public InsprlWhatsAppService(InsprlClient client, String defaultInstanceId) {
		Assert.notNull(client, "client must not be null");
		this.client = client;
		this.defaultInstanceId = StringUtils.hasText(defaultInstanceId) ? defaultInstanceId : null;
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
	 * Return the default instance id, if one is configured.
	 * @return the instance id, or {@code null}
	 */
	public String getDefaultInstanceId() {
		return this.defaultInstanceId;
	}

}
