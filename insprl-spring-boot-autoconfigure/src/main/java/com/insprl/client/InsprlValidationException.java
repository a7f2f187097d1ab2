package com.insprl.client;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * insprl rejected the request parameters: API code 102 or HTTP 422. The request must be
 * corrected; sending it again does not help.
 */
public class InsprlValidationException extends InsprlApiException {

	private final Map<String, List<String>> fieldErrors;

	public InsprlValidationException(String message, String operation, int httpStatus, @Nullable Integer code,
			List<String> apiMessages, Map<String, List<String>> fieldErrors) {
		super(message, operation, httpStatus, code, apiMessages);
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	/**
	 * Return the errors per request field, when the reply named the fields
	 * ({@code {"instance_id": ["..."]}}). A reply that gave a plain list of messages has
	 * no field errors; its messages are in {@link #getApiMessages()}.
	 * @return the errors keyed by field name, possibly empty
	 */
	public Map<String, List<String>> getFieldErrors() {
		return this.fieldErrors;
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
