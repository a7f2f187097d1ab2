package com.insprl.email;

import org.jspecify.annotations.Nullable;

/**
 * insprl's answer to a mail queued for a batch of recipients.
 *
 * @param queueId the {@code queue_id} of the queued mail, to look it up in insprl's
 * dashboard
 * @param status the {@code status} insprl gave it, such as {@code queued}
 * @param message insprl's {@code msg}
 * @param recipients how many recipients the request named
 */
public record EmailSendResult(@Nullable String queueId, @Nullable String status, @Nullable String message,
		int recipients) {

}
