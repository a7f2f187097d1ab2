package com.insprl.whatsapp.campaign;

import org.jspecify.annotations.Nullable;

/**
 * A campaign's counts, as insprl reports them. Any field the reply lacks is {@code null};
 * a status insprl adds later is kept as it is.
 *
 * @param campaignId the campaign's id
 * @param name its name
 * @param status {@code queued}, {@code scheduled}, {@code running}, {@code completed}, or
 * a status insprl adds later
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
