package com.insprl.email;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * insprl's verification of one address.
 *
 * @param email the address verified
 * @param status what insprl found, {@link Status#UNKNOWN} for a value this version does
 * not know
 * @param statusText the {@code status} as insprl sent it
 * @param credit the {@code credit} insprl reported, as it sent it
 * @param message insprl's {@code msg}
 */
public record EmailVerification(String email, Status status, @Nullable String statusText, @Nullable String credit,
		@Nullable String message) {

	/**
	 * What insprl found of an address.
	 */
	public enum Status {

		/** {@code Deliverable}: mail to it should arrive. */
		DELIVERABLE,

		/** {@code Undeliverable}: mail to it would bounce. */
		UNDELIVERABLE,

		/** {@code Failed}: insprl could not tell. */
		FAILED,

		/** A status insprl added after this version, or none. */
		UNKNOWN;

		static Status of(@Nullable String text) {
			if (text == null) {
				return UNKNOWN;
			}
			return switch (text.trim().toLowerCase(Locale.ROOT)) {
				case "deliverable" -> DELIVERABLE;
				case "undeliverable" -> UNDELIVERABLE;
				case "failed" -> FAILED;
				default -> UNKNOWN;
			};
		}

	}

}
