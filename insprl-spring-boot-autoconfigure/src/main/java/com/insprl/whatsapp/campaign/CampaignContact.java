package com.insprl.whatsapp.campaign;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One contact of a campaign and the fate of its message, as insprl reports it. Any field
 * the reply lacks is {@code null}.
 *
 * @param phone the contact's phone number
 * @param status the delivery status as insprl writes it, such as {@code delivered}
 * @param messageId the WhatsApp message id
 * @param createdAt when the message was queued, as insprl writes it
 * @param sentAt when it was sent, as insprl writes it
 */
public record CampaignContact(@Nullable String phone, @Nullable String status, @Nullable String messageId,
		@Nullable String createdAt, @Nullable String sentAt) {

	/**
	 * Return the status as one of the known values.
	 * @return the status, or empty when insprl sent none or one not known here
	 */
	public Optional<ContactStatus> knownStatus() {
		for (ContactStatus known : ContactStatus.values()) {
			if (known.value().equalsIgnoreCase(this.status)) {
				return Optional.of(known);
			}
		}
		return Optional.empty();
	}

}
