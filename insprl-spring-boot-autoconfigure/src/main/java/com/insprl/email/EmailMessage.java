package com.insprl.email;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * One mail, as insprl's {@code POST /email/send-to-batch} sends it to each recipient: its
 * route, subject and body, and optionally its sender (else the service's default sender),
 * a campaign name and up to four files. Checked as it is made, each problem named by its
 * insprl field.
 *
 * @param sender the {@code sender_email}, a registered mailing sender's address, or
 * {@code null} for the service's default ({@code insprl.email.sender})
 * @param type the {@code email_type}: the transactional or promotional route
 * @param subject the {@code subject}
 * @param body the {@code mail_body}
 * @param campaignName the {@code campaign_name}, at most 100 characters, or {@code null}
 * @param files the {@code files}: at most 4 {@code https} URLs
 */
public record EmailMessage(@Nullable String sender, Type type, String subject, String body,
		@Nullable String campaignName, List<String> files) {

	/** The most characters of a campaign name. */
	public static final int MAX_CAMPAIGN_NAME = 100;

	/** The most files a mail carries. */
	public static final int MAX_FILES = 4;

	public EmailMessage {
		if (sender != null) {
			Addresses.check(sender, "sender_email");
		}
		Assert.notNull(type, "email_type must not be null: TXN or PROMO");
		Assert.isTrue(StringUtils.hasText(subject), "subject must not be empty");
		Assert.isTrue(StringUtils.hasText(body), "mail_body must not be empty");
		if (campaignName != null && campaignName.length() > MAX_CAMPAIGN_NAME) {
			throw new IllegalArgumentException(
					"campaign_name must be at most " + MAX_CAMPAIGN_NAME + " characters, not " + campaignName.length());
		}
		Assert.notNull(files, "files must not be null");
		if (files.size() > MAX_FILES) {
			throw new IllegalArgumentException("files must hold at most " + MAX_FILES + " URLs, not " + files.size());
		}
		files = List.copyOf(files);
		for (int i = 0; i < files.size(); i++) {
			checkFile(files.get(i), i);
		}
	}

	/**
	 * Return a mail without a sender of its own, campaign name or files.
	 * @param type the route
	 * @param subject the subject
	 * @param body the body
	 * @return the mail
	 */
	public static EmailMessage of(Type type, String subject, String body) {
		return new EmailMessage(null, type, subject, body, null, List.of());
	}

	/**
	 * Return this mail from another sender.
	 * @param sender a registered mailing sender's address
	 * @return the mail
	 */
	public EmailMessage withSender(String sender) {
		return new EmailMessage(sender, this.type, this.subject, this.body, this.campaignName, this.files);
	}

	/**
	 * Return this mail in a campaign.
	 * @param campaignName the campaign's name, at most 100 characters
	 * @return the mail
	 */
	public EmailMessage withCampaignName(String campaignName) {
		return new EmailMessage(this.sender, this.type, this.subject, this.body, campaignName, this.files);
	}

	/**
	 * Return this mail with files.
	 * @param files at most 4 {@code https} URLs
	 * @return the mail
	 */
	public EmailMessage withFiles(List<String> files) {
		return new EmailMessage(this.sender, this.type, this.subject, this.body, this.campaignName, files);
	}

	private static void checkFile(@Nullable String file, int index) {
		String field = "files[" + index + "]";
		if (file == null || !StringUtils.hasText(file)) {
			throw new IllegalArgumentException(field + " must not be empty");
		}
		URI uri;
		try {
			uri = new URI(file.trim());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(field + " is not a URL: '" + file + "'");
		}
		Assert.isTrue("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null,
				() -> field + " must be an https URL, not '" + file + "'");
	}

	/**
	 * The route a mail goes out on.
	 */
	public enum Type {

		/** {@code txn}: transactional mail. */
		TXN,

		/** {@code promo}: promotional mail. */
		PROMO;

		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
