package com.insprl.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details of the insprl account the auto-configured client connects with: the base URL,
 * and the default account's client id and key. By default they come from the
 * {@code insprl.*} properties; an application that keeps its account elsewhere (a secret
 * store, a vault) defines a bean of this type, and the properties-backed one backs off.
 * The test starter provides one that points at its stand-in.
 */
public interface InsprlConnectionDetails extends ConnectionDetails {

	/**
	 * Return the base URL of insprl's API, such as {@code https://insprl.com/api}.
	 * @return the base URL
	 */
	String getBaseUrl();

	/**
	 * Return the default account's client id.
	 * @return the client id, or {@code null} when the application has no default account
	 */
	@Nullable String getClientId();

	/**
	 * Return the default account's client key: a secret, which no log, message or
	 * {@code toString} shows.
	 * @return the client key, or {@code null} when the application has no default account
	 */
	@Nullable String getClientKey();

}
