package com.insprl.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The insprl accounts of the application's customers. A real application keeps them in
 * its database; the sample reads them from {@code sample.customers.<name>.client-id} and
 * {@code .client-key}.
 */
@ConfigurationProperties("sample")
public class CustomerAccounts {

	/**
	 * Each customer's insprl account, by customer name.
	 */
	private final Map<String, Account> customers = new LinkedHashMap<>();

	public Map<String, Account> getCustomers() {
		return this.customers;
	}

	/**
	 * One customer's insprl account.
	 */
	public static class Account {

		/**
		 * The customer's CLIENT ID.
		 */
		private @Nullable String clientId;

		/**
		 * The customer's CLIENT KEY.
		 */
		private @Nullable String clientKey;

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

		@Override
		public String toString() {
			return "Account{clientId='" + this.clientId + "', clientKey='******'}";
		}

	}

}
