package com.insprl.autoconfigure;

import java.time.Duration;

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
	 * Root URL of the insprl API. Must be https; plain http is accepted only for a loopback
	 * host.
	 */
	private String baseUrl = "https://insprl.com/api";

	/**
	 * Account CLIENT ID, sent as the client_id form field.
	 */
	private String clientId;

	/**
	 * Account CLIENT KEY, sent in the Authorization header. A secret: keep it out of source
	 * control, for example in the INSPRL_CLIENT_KEY environment variable.
	 */
	private String clientKey;

	/**
	 * Time allowed to open a connection to insprl.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Time allowed to wait for insprl's reply.
	 */
	private Duration readTimeout = Duration.ofSeconds(30);

	private final Whatsapp whatsapp = new Whatsapp();

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

	public String getClientId() {
		return this.clientId;
	}

	public void setClientId(String clientId) {
		this.clientId = clientId;
	}

	public String getClientKey() {
		return this.clientKey;
	}

	public void setClientKey(String clientKey) {
		this.clientKey = clientKey;
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

	public Whatsapp getWhatsapp() {
		return this.whatsapp;
	}

	@Override
	public String toString() {
		return "InsprlProperties{enabled=" + this.enabled + ", baseUrl='" + this.baseUrl + "', clientId='"
				+ this.clientId + "', clientKey='" + ((this.clientKey != null) ? "******" : null)
				+ "', connectTimeout=" + this.connectTimeout + ", readTimeout=" + this.readTimeout + ", whatsapp="
				+ this.whatsapp + "}";
	}

	/**
	 * WhatsApp properties.
	 */
	public static class Whatsapp {

		/**
		 * Instance id ("SPRL INSTANCE ID") of the WhatsApp number used when an operation is
		 * called without one.
		 */
		private String instanceId;

		public String getInstanceId() {
			return this.instanceId;
		}

		public void setInstanceId(String instanceId) {
			this.instanceId = instanceId;
		}

		@Override
		public String toString() {
			return "Whatsapp{instanceId='" + this.instanceId + "'}";
		}

	}

}
