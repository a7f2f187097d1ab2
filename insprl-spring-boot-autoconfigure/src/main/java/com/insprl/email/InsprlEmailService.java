package com.insprl.email;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.insprl.client.InsprlCallOptions;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlCredentials;
import com.insprl.client.InsprlException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * insprl's email operations on one account, on the same client as its WhatsApp ones.
 * <p>
 * None of them is sent twice by the client: each is retried only when the request
 * certainly did not reach insprl (a refused connection, a failed TLS handshake, a rate
 * limit that refused it before it was sent). After a timeout, a reset or a 5xx, the
 * exception's {@link InsprlException#isPossiblyProcessed()} is {@code true}: the mail may
 * have been sent. Check the queue in insprl's dashboard before sending it again. Invalid
 * arguments are refused with an {@link IllegalArgumentException} naming the field, before
 * any request is sent.
 */
public class InsprlEmailService {

	/** The most recipients of one request. */
	public static final int MAX_RECIPIENTS = 10_000;

	/** {@code POST /email/send-to-batch}: one mail to many recipients. */
	public static final InsprlClient.Operation SEND_TO_BATCH = operation("email.send-to-batch", "/email/send-to-batch");

	/** {@code POST /email/mailing-senders/add}: register a sender address. */
	public static final InsprlClient.Operation ADD_MAILING_SENDER = operation("email.mailing-senders.add",
			"/email/mailing-senders/add");

	/** {@code POST /everifier/single-validate}: verify one address. */
	public static final InsprlClient.Operation VERIFY_ADDRESS = operation("everifier.single-validate",
			"/everifier/single-validate");

	private final InsprlClient client;

	private final @Nullable String defaultSender;

	/**
	 * Create a service.
	 * @param client the low-level client
	 * @param defaultSender the sender of a mail that names none, or {@code null}
	 */
	public InsprlEmailService(InsprlClient client, @Nullable String defaultSender) {
		Assert.notNull(client, "client must not be null");
		if (StringUtils.hasText(defaultSender)) {
			Addresses.check(defaultSender, "insprl.email.sender");
		}
		this.client = client;
		this.defaultSender = StringUtils.hasText(defaultSender) ? defaultSender : null;
	}

	private static InsprlClient.Operation operation(String name, String path) {
		return new InsprlClient.Operation(name, path, InsprlClient.Operation.AuthScheme.BEARER, false,
				InsprlClient.Operation.Encoding.JSON);
	}

	/**
	 * Return the same operations for another insprl account, sharing this service's
	 * client, as {@code InsprlWhatsAppService#withCredentials} does. It keeps the default
	 * sender.
	 * @param clientId the account's CLIENT ID
	 * @param clientKey the account's CLIENT KEY
	 * @return the service for that account
	 */
	public InsprlEmailService withCredentials(String clientId, String clientKey) {
		return new InsprlEmailService(this.client.withCredentials(new InsprlCredentials(clientId, clientKey)),
				this.defaultSender);
	}

	/**
	 * Return a view of this service whose calls use the given options.
	 * @param options the options
	 * @return the service with those options
	 */
	public InsprlEmailService withOptions(InsprlCallOptions options) {
		return new InsprlEmailService(this.client.withOptions(options), this.defaultSender);
	}

	/**
	 * Send one mail to up to {@value #MAX_RECIPIENTS} recipients, in one request.
	 * @param message the mail
	 * @param recipients the addresses, 1 to {@value #MAX_RECIPIENTS}
	 * @return insprl's answer, with the mail's queue id
	 * @throws IllegalArgumentException if the mail or an address is invalid, or there are
	 * no recipients or more than {@value #MAX_RECIPIENTS}, before anything is sent
	 * @throws InsprlException if insprl did not queue the mail; when
	 * {@link InsprlException#isPossiblyProcessed()} it may have been sent
	 */
	public EmailSendResult send(EmailMessage message, Collection<String> recipients) {
		Assert.notNull(recipients, "recipients must not be null");
		Assert.isTrue(!recipients.isEmpty(), "recipients must not be empty");
		Assert.isTrue(recipients.size() <= MAX_RECIPIENTS, () -> "recipients must be at most " + MAX_RECIPIENTS
				+ " per request, not " + recipients.size() + ": use sendInBatches");
		Map<String, Object> fields = fields(message);
		Iterator<String> addresses = recipients.iterator();
		fields.put("recipient_email", Addresses.join(addresses, 0, recipients.size()));
		return sent(this.client.post(SEND_TO_BATCH, fields), recipients.size());
	}

	/**
	 * Send one mail to any number of recipients, in batches of {@value #MAX_RECIPIENTS}
	 * in the list's order, each its own request and result. The list is read twice: once
	 * to check every address before anything is sent, then batch by batch, so that no
	 * more than one batch's request is held at a time. A list that changes in between
	 * stops the sending at the change with an {@link IllegalStateException} saying which
	 * batches went out.
	 * @param message the mail
	 * @param recipients the addresses, at least one
	 * @param stopAtFailure whether a batch that fails stops the ones after it (their
	 * recipients are then counted as not sent); otherwise every batch is sent
	 * @return each batch sent, in order
	 * @throws IllegalArgumentException if the mail or an address is invalid, or there are
	 * no recipients, before anything is sent
	 * @throws IllegalStateException if the list changed after it was checked
	 */
	public EmailBatchResult sendInBatches(EmailMessage message, Iterable<String> recipients, boolean stopAtFailure) {
		Assert.notNull(recipients, "recipients must not be null");
		Map<String, Object> fields = fields(message);
		long total = 0;
		for (String address : recipients) {
			Addresses.checkRecipient(address, total);
			total++;
		}
		Assert.isTrue(total > 0, "recipients must not be empty");
		List<EmailBatchResult.Batch> batches = new ArrayList<>();
		Iterator<String> addresses = recipients.iterator();
		long first = 0;
		while (first < total) {
			int size = (int) Math.min(MAX_RECIPIENTS, total - first);
			fields.put("recipient_email", Addresses.joinSecondReading(addresses, first, size, batches.size()));
			try {
				EmailSendResult result = sent(this.client.post(SEND_TO_BATCH, fields), size);
				batches.add(new EmailBatchResult.Batch(batches.size(), first, size, result, null));
			}
			catch (InsprlException ex) {
				batches.add(new EmailBatchResult.Batch(batches.size(), first, size, null, ex));
				if (stopAtFailure) {
					return new EmailBatchResult(batches, total - first - size);
				}
			}
			first += size;
		}
		return new EmailBatchResult(batches, 0);
	}

	/**
	 * Register a mailing sender, which mails may then name as their sender.
	 * @param name the sender's name
	 * @param email the sender's address
	 * @param remarks a note, or {@code null}
	 * @return the sender
	 * @throws IllegalArgumentException if the name is empty or the address invalid
	 * @throws InsprlException if insprl did not register it
	 */
	public MailingSender addMailingSender(String name, String email, @Nullable String remarks) {
		Assert.isTrue(StringUtils.hasText(name), "name must not be empty");
		Addresses.check(email, "email");
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("email", email);
		if (StringUtils.hasText(remarks)) {
			fields.put("remarks", remarks);
		}
		InsprlClient.Reply reply = this.client.post(ADD_MAILING_SENDER, fields);
		return new MailingSender(name, email, reply.text("message"));
	}

	/**
	 * Verify one address with insprl's email verifier.
	 * @param email the address
	 * @return what insprl found
	 * @throws IllegalArgumentException if the address is invalid
	 * @throws InsprlException if insprl did not answer with success
	 */
	public EmailVerification verify(String email) {
		Addresses.check(email, "email");
		JsonNode data = this.client.post(VERIFY_ADDRESS, Map.of("email", email)).body().path("data");
		String status = text(data, "status");
		return new EmailVerification(email, EmailVerification.Status.of(status), status, text(data, "credit"),
				text(data, "msg"));
	}

	private Map<String, Object> fields(EmailMessage message) {
		Assert.notNull(message, "message must not be null");
		String sender = (message.sender() != null) ? message.sender() : this.defaultSender;
		Assert.isTrue(sender != null,
				"sender_email is not set: give the message a sender (withSender) " + "or set insprl.email.sender");
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("sender_email", sender);
		fields.put("email_type", message.type().value());
		fields.put("subject", message.subject());
		fields.put("mail_body", message.body());
		if (message.campaignName() != null) {
			fields.put("campaign_name", message.campaignName());
		}
		if (!message.files().isEmpty()) {
			fields.put("files", String.join(",", message.files()));
		}
		return fields;
	}

	private static EmailSendResult sent(InsprlClient.Reply reply, int recipients) {
		JsonNode data = reply.body().path("data");
		return new EmailSendResult(text(data, "queue_id"), text(data, "status"), text(data, "msg"), recipients);
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

}
