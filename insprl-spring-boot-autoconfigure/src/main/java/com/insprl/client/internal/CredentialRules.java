package com.insprl.client.internal;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * What makes a CLIENT ID or CLIENT KEY unusable, in words that never quote it: the
 * credentials check it when they are created, and the auto-configuration names the
 * property it came from.
 */
public final class CredentialRules {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

	private static final String UNRESOLVED = "is an unresolved placeholder ${...}: the variable or property it "
			+ "refers to is not set";

	private CredentialRules() {
	}

	/**
	 * Return what is wrong with a CLIENT ID.
	 * @param clientId the id to check
	 * @return the problem, such as {@code "is not set"}, or {@code null} if it is usable
	 */
	public static @Nullable String clientIdProblem(@Nullable String clientId) {
		if (!StringUtils.hasText(clientId)) {
			return "is not set (the account's CLIENT ID)";
		}
		if (PLACEHOLDER.matcher(clientId).find()) {
			return UNRESOLVED;
		}
		for (int i = 0; i < clientId.length(); i++) {
			char c = clientId.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				return "contains control characters (such as CR or LF), which must never reach an HTTP request";
			}
		}
		return null;
	}

	/**
	 * Return what is wrong with a CLIENT KEY.
	 * @param clientKey the key to check
	 * @return the problem, such as {@code "is not set"}, or {@code null} if it is usable
	 */
	public static @Nullable String clientKeyProblem(@Nullable String clientKey) {
		if (!StringUtils.hasText(clientKey)) {
			return "is not set (the account's CLIENT KEY)";
		}
		if (PLACEHOLDER.matcher(clientKey).find()) {
			return UNRESOLVED;
		}
		for (int i = 0; i < clientKey.length(); i++) {
			char c = clientKey.charAt(i);
			if (c < 0x21 || c > 0x7E) {
				return "contains a character an HTTP header cannot carry (at position " + (i + 1) + " of "
						+ clientKey.length() + "): the key must be visible ASCII, without spaces or control "
						+ "characters; check for a stray character copied with it";
			}
		}
		return null;
	}

}
