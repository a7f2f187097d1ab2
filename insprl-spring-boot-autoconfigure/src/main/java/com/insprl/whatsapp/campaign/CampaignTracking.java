package com.insprl.whatsapp.campaign;

import java.util.ArrayList;
import java.util.List;

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
public record CampaignTracking(@Nullable Campaign campaign, List<CampaignContact> contacts, JsonNode data) {

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
		List<CampaignContact> contacts = new ArrayList<>();
		for (JsonNode contact : root.path("contacts").values()) {
			if (contact.isObject()) {
				contacts.add(new CampaignContact(Fields.text(contact, "phone"), Fields.text(contact, "status"),
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

}
