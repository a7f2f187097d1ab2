package com.insprl.test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A mail the stand-in received: its sender, route, recipients and content, as the request
 * carried them.
 *
 * @param sender the {@code sender_email}
 * @param type the {@code email_type}, {@code txn} or {@code promo}
 * @param recipients the {@code recipient_email} addresses, in order
 * @param subject the {@code subject}
 * @param body the {@code mail_body}
 * @param campaignName the {@code campaign_name}, or {@code null}
 */
public record SentEmail(@Nullable String sender, @Nullable String type, List<String> recipients,
		@Nullable String subject, @Nullable String body, @Nullable String campaignName) {

	static SentEmail of(Map<String, String> fields) {
		String recipients = fields.get("recipient_email");
		return new SentEmail(fields.get("sender_email"), fields.get("email_type"),
				(recipients != null && !recipients.isEmpty()) ? Arrays.asList(recipients.split(",")) : List.of(),
				fields.get("subject"), fields.get("mail_body"), fields.get("campaign_name"));
	}

}
