package com.insprl.whatsapp.campaign;

import com.insprl.whatsapp.campaign.CampaignTracking.ContactStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * What to ask of a campaign's tracking: which campaign of which WhatsApp account, and
 * optionally a page size and filters on the contacts. Built with
 * {@link #builder(String, String)}; invalid values are refused there, before any request.
 */
public final class CampaignTrackingRequest {

	/** The fewest contacts a page may hold. */
	public static final int MIN_PER_PAGE = 1;

	/** The most contacts a page may hold. */
	public static final int MAX_PER_PAGE = 100;

	private final String accountId;

	private final String campaignUid;

	private final @Nullable Integer perPage;

	private final @Nullable ContactStatus status;

	private final @Nullable String phone;

	private CampaignTrackingRequest(Builder builder) {
		this.accountId = builder.accountId;
		this.campaignUid = builder.campaignUid;
		this.perPage = builder.perPage;
		this.status = builder.status;
		this.phone = builder.phone;
	}

	/**
	 * Start a request for a campaign.
	 * @param accountId the WhatsApp Account UID ({@code account_id})
	 * @param campaignUid the campaign's UID ({@code campaign_uid})
	 * @return a builder
	 * @throws IllegalArgumentException if either is null or blank
	 */
	public static Builder builder(String accountId, String campaignUid) {
		return new Builder(accountId, campaignUid);
	}

	public String accountId() {
		return this.accountId;
	}

	public String campaignUid() {
		return this.campaignUid;
	}

	/**
	 * Return the page size asked for.
	 * @return contacts per page, or {@code null} for insprl's default (50)
	 */
	public @Nullable Integer perPage() {
		return this.perPage;
	}

	/**
	 * Return the contact status filtered by.
	 * @return the status, or {@code null} for all
	 */
	public @Nullable ContactStatus status() {
		return this.status;
	}

	/**
	 * Return the phone number searched for.
	 * @return the phone number, or {@code null} for all
	 */
	public @Nullable String phone() {
		return this.phone;
	}

	@Override
	public String toString() {
		return "CampaignTrackingRequest{accountId='" + this.accountId + "', campaignUid='" + this.campaignUid
				+ "', perPage=" + this.perPage + ", status=" + this.status + ", phone='" + this.phone + "'}";
	}

	/**
	 * Builds a {@link CampaignTrackingRequest}.
	 */
	public static final class Builder {

		private final String accountId;

		private final String campaignUid;

		private @Nullable Integer perPage;

		private @Nullable ContactStatus status;

		private @Nullable String phone;

		private Builder(String accountId, String campaignUid) {
			Assert.isTrue(StringUtils.hasText(accountId), "accountId must not be null or blank");
			Assert.isTrue(StringUtils.hasText(campaignUid), "campaignUid must not be null or blank");
			this.accountId = accountId;
			this.campaignUid = campaignUid;
		}

		/**
		 * Ask for a page of this many contacts.
		 * @param perPage from 1 to 100
		 * @return this builder
		 * @throws IllegalArgumentException if out of range
		 */
		public Builder perPage(int perPage) {
			Assert.isTrue(perPage >= MIN_PER_PAGE && perPage <= MAX_PER_PAGE,
					() -> "perPage must be from " + MIN_PER_PAGE + " to " + MAX_PER_PAGE + ", not " + perPage);
			this.perPage = perPage;
			return this;
		}

		/**
		 * Ask only for contacts with this delivery status.
		 * @param status the status
		 * @return this builder
		 */
		public Builder status(ContactStatus status) {
			Assert.notNull(status, "status must not be null");
			this.status = status;
			return this;
		}

		/**
		 * Ask only for contacts with this phone number.
		 * @param phone the phone number
		 * @return this builder
		 * @throws IllegalArgumentException if blank
		 */
		public Builder phone(String phone) {
			Assert.isTrue(StringUtils.hasText(phone), "phone must not be null or blank");
			this.phone = phone;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public CampaignTrackingRequest build() {
			return new CampaignTrackingRequest(this);
		}

	}

}
