package com.insprl.whatsapp.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A campaign's tracking: its counts and a page of its contacts, read leniently from
 * insprl's {@code data} (fields not known here are kept in {@link #data()}, and none of
 * them breaks reading).
 *
 * @param campaign the campaign's counts, or {@code null} when the reply had none
 * @param contacts a page of contacts, possibly empty
 * @param data the reply's whole {@code data}, for fields not modelled here
 */
public record CampaignTracking(@Nullable Campaign campaign, List<Contact> contacts, JsonNode data) {

	public CampaignTracking {
		contacts = List.copyOf(contacts);
	}

	/**
	 * Read a tracking from a reply's {@code data}.
	 * @param data the {@code data} object, possibly missing
	 * @return the tracking
	 */
	public static CampaignTracking from(JsonNode data) {
		JsonNode root = (data != null) ? data : MissingNode.getInstance();
		JsonNode campaign = root.path("campaign");
		List<Contact> contacts = new ArrayList<>();
		for (JsonNode contact : root.path("contacts").values()) {
			if (contact.isObject()) {
				contacts.add(new Contact(Fields.text(contact, "phone"), Fields.text(contact, "status"),
						Fields.text(contact, "message_id"), Fields.text(contact, "created_at"),
						Fields.text(contact, "sent_at")));
			}
		}
		return new CampaignTracking(campaign.isObject() ? campaign(campaign) : null, contacts, root);
	}

	private static Campaign campaign(JsonNode node) {
		return new Campaign(Fields.text(node, "campaign_id"), Fields.text(node, "name"), Fields.text(node, "status"),
				Fields.integer(node, "total"), Fields.integer(node, "accepted"), Fields.integer(node, "sent"),
				Fields.integer(node, "delivered"), Fields.decimal(node, "delivery_rate"), Fields.integer(node, "read"),
				Fields.integer(node, "replied"), Fields.integer(node, "failed"), Fields.text(node, "created_at"));
	}

	/**
	 * A campaign's counts, as insprl reports them. Any field the reply lacks is
	 * {@code null}; a status insprl adds later is kept as it is.
	 *
	 * @param campaignId the campaign's id
	 * @param name its name
	 * @param status {@code queued}, {@code scheduled}, {@code running},
	 * {@code completed}, or a status insprl adds later
	 * @param total the contacts targeted
	 * @param accepted the messages accepted
	 * @param sent the messages sent
	 * @param delivered the messages delivered
	 * @param deliveryRate the share delivered, in percent
	 * @param read the messages read
	 * @param replied the messages answered
	 * @param failed the messages that failed
	 * @param createdAt when the campaign was created, as insprl writes it
	 */
	public record Campaign(@Nullable String campaignId, @Nullable String name, @Nullable String status,
			@Nullable Integer total, @Nullable Integer accepted, @Nullable Integer sent, @Nullable Integer delivered,
			@Nullable Double deliveryRate, @Nullable Integer read, @Nullable Integer replied, @Nullable Integer failed,
			@Nullable String createdAt) {

	}

	/**
	 * One contact of a campaign and the fate of its message, as insprl reports it. Any
	 * field the reply lacks is {@code null}.
	 *
	 * @param phone the contact's phone number
	 * @param status the delivery status as insprl writes it, such as {@code delivered}
	 * @param messageId the WhatsApp message id
	 * @param createdAt when the message was queued, as insprl writes it
	 * @param sentAt when it was sent, as insprl writes it
	 */
	public record Contact(@Nullable String phone, @Nullable String status, @Nullable String messageId,
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

	/**
	 * The delivery status of a campaign's message to one contact, as insprl reports it
	 * and as {@link CampaignTrackingRequest.Builder#status(ContactStatus)} filters by.
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

}
