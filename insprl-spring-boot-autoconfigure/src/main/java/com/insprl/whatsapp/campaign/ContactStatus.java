package com.insprl.whatsapp.campaign;

import java.util.Locale;

/**
 * The delivery status of a campaign's message to one contact, as insprl reports it and as
 * {@link CampaignTrackingRequest.Builder#status(ContactStatus)} filters by.
 */
public enum ContactStatus {

	/** Not sent yet. */
	PENDING,

	/** Sent to WhatsApp. */
	SENT,

	/** Delivered to the contact's phone. */
	DELIVERED,

	/** Read by the contact. */
	READ,

	/** Not delivered. */
	FAILED,

	/** Answered by the contact. */
	REPLIED;

	/**
	 * Return the value insprl uses, such as {@code delivered}.
	 * @return the API value
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
