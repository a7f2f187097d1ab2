package com.insprl.email;

import java.util.List;

import com.insprl.client.InsprlException;
import org.jspecify.annotations.Nullable;

/**
 * What became of a recipient list sent in batches: one entry per batch sent, in order,
 * and how many recipients were left unsent when the batches stopped at a failure.
 *
 * @param batches the batches sent, in order
 * @param recipientsNotSent the recipients of the batches never sent (0 unless the sending
 * stopped at a failure)
 */
public record EmailBatchResult(List<Batch> batches, long recipientsNotSent) {

	public EmailBatchResult {
		batches = List.copyOf(batches);
	}

	/**
	 * Return whether every batch was sent and queued.
	 * @return {@code true} if no batch failed and none was left unsent
	 */
	public boolean isComplete() {
		return this.recipientsNotSent == 0 && this.batches.stream().allMatch((batch) -> batch.failure() == null);
	}

	/**
	 * One batch: its place in the list, its recipients, and what insprl answered.
	 *
	 * @param index the batch's place, from 0
	 * @param firstRecipient the place of its first recipient in the list, from 0
	 * @param recipients how many recipients it named
	 * @param result insprl's answer, or {@code null} if it failed
	 * @param failure why it failed, or {@code null}; when
	 * {@link InsprlException#isPossiblyProcessed()} says so, the mail may have been sent
	 * to this batch: check insprl's dashboard before sending it again
	 */
	public record Batch(int index, long firstRecipient, int recipients, @Nullable EmailSendResult result,
			@Nullable InsprlException failure) {

	}

}
