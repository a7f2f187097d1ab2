package com.insprl.testing;

import com.insprl.client.InsprlCredentials;

/**
 * The insprl account the tests send with, and the API as their stubs serve it: one place
 * for the key that every key-exposure check looks for.
 */
public final class TestAccount {

	/** The account's client id. */
	public static final String CLIENT_ID = "client-42";

	/** The account's client key: what no log, message or answer may show. */
	public static final String KEY = "sk-live-7f3a9c1e";

	/** The logout's path below a stub's base URL, which ends in {@code /api}. */
	public static final String LOGOUT_PATH = "/api/whatsapp/instance/logout";

	/** insprl's answer to a logout that succeeded. */
	public static final String SUCCESS = "{\"code\":\"100\",\"message\":\"success\","
			+ "\"result\":\"Logout request sent to WhatsApp\"}";

	private TestAccount() {
	}

	/**
	 * Return the account's credentials.
	 * @return the credentials
	 */
	public static InsprlCredentials credentials() {
		return new InsprlCredentials(CLIENT_ID, KEY);
	}

	/**
	 * Return the properties that give the starter this account.
	 * @return {@code insprl.client-id} and {@code insprl.client-key}
	 */
	public static String[] properties() {
		return new String[] { "insprl.client-id=" + CLIENT_ID, "insprl.client-key=" + KEY };
	}

}
