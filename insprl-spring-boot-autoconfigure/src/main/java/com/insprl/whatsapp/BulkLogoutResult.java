package com.insprl.whatsapp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.insprl.client.InsprlException;

/**
 * What a bulk logout did: every instance id asked for is in exactly one of the two maps,
 * in the order given.
 *
 * @param succeeded the instances logged out, with insprl's answer
 * @param failed the instances not logged out, with why
 */
public record BulkLogoutResult(Map<String, LogoutResult> succeeded, Map<String, InsprlException> failed) {

	public BulkLogoutResult {
		succeeded = Collections.unmodifiableMap(new LinkedHashMap<>(succeeded));
		failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
	}

	/**
	 * Return whether every instance was logged out.
	 * @return {@code true} if none failed
	 */
	public boolean allSucceeded() {
		return this.failed.isEmpty();
	}

}
