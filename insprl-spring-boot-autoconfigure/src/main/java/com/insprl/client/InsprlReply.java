package com.insprl.client;

import com.insprl.client.internal.ReplyJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A successful insprl reply (API code 100), decoded from JSON.
 *
 * @param httpStatus the HTTP status of the reply
 * @param code the API code
 * @param body the whole JSON body, for the fields an operation reads
 */
public record InsprlReply(int httpStatus, int code, JsonNode body) {

	/**
	 * Return a field of the body as one line of text: a string as it is, an array or
	 * object flattened with {@code "; "}.
	 * @param field the field name
	 * @return the text, or {@code null} when the field is absent or null
	 */
	public @Nullable String text(String field) {
		JsonNode node = this.body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		return String.join("; ", ReplyJson.messages(node));
	}

}
