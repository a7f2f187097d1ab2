package com.insprl.email;

import java.util.Iterator;

import org.jspecify.annotations.Nullable;

/**
 * Checks email addresses before anything is sent, and joins recipients into insprl's
 * comma-separated lists: an address is what such a list can carry (no comma, semicolon,
 * space, quote, angle bracket or control character), with one {@code @} between a local
 * part of at most 64 characters and a domain that has a dot, at most 254 characters in
 * all.
 */
final class Addresses {

	static final int MAX_LENGTH = 254;

	private Addresses() {
	}

	/**
	 * Refuse a value that is not an address.
	 * @param address the value
	 * @param field what it is, such as {@code recipients[57]}
	 * @throws IllegalArgumentException naming the field, if it is not an address
	 */
	static void check(@Nullable String address, String field) {
		String problem = problem(address);
		if (problem != null) {
			throw failure(address, field, problem);
		}
	}

	/**
	 * Refuse a recipient that is not an address, naming its place in the list; nothing is
	 * allocated for one that is.
	 * @param address the value
	 * @param index its place in the recipients, from 0
	 * @throws IllegalArgumentException naming the place, if it is not an address
	 */
	static void checkRecipient(@Nullable String address, long index) {
		String problem = problem(address);
		if (problem != null) {
			throw failure(address, "recipients[" + index + "]", problem);
		}
	}

	/**
	 * Join the next addresses, checking each, into insprl's comma-separated list.
	 * @param addresses the addresses, positioned at the first to join
	 * @param first the place of the first in the whole list, for messages
	 * @param count how many to join
	 * @return the list
	 */
	static String join(Iterator<String> addresses, long first, int count) {
		StringBuilder joined = new StringBuilder(count * 24);
		for (int i = 0; i < count; i++) {
			if (!addresses.hasNext()) {
				throw new IllegalStateException("The list ended before recipients[" + (first + i) + "]");
			}
			String address = addresses.next();
			Addresses.checkRecipient(address, first + i);
			if (i > 0) {
				joined.append(',');
			}
			joined.append(address);
		}
		return joined.toString();
	}

	/**
	 * Join the next batch on the second reading of the list, which must give what the
	 * first reading checked: a list that changed in between stops the sending there,
	 * saying which batches went out, so that the caller can go on from the first
	 * recipient not sent rather than send the list again.
	 * @param addresses the addresses, positioned at the batch's first
	 * @param first the place of the batch's first recipient
	 * @param count how many to join
	 * @param sent how many batches went out before this one
	 * @return the list
	 * @throws IllegalStateException if the list changed after it was checked
	 */
	static String joinSecondReading(Iterator<String> addresses, long first, int count, int sent) {
		try {
			return join(addresses, first, count);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			String wasSent = (sent > 0) ? sent + " batch" + ((sent > 1) ? "es" : "") + " (recipients 0 to "
					+ (first - 1) + ") " + ((sent > 1) ? "were" : "was") + " sent" : "no batch was sent";
			throw new IllegalStateException("The recipients changed after they were checked: " + wasSent
					+ ", send from recipients[" + first + "] once the list is stable", ex);
		}
	}

	private static IllegalArgumentException failure(@Nullable String address, String field, String problem) {
		return new IllegalArgumentException(
				field + " is not an email address (" + problem + ")" + ((address != null && address.length() <= 300)
						? ": '" + address.replaceAll("\\p{Cntrl}", "?") + "'" : ""));
	}

	private static @Nullable String problem(@Nullable String address) {
		if (address == null || address.isEmpty()) {
			return "it is empty";
		}
		if (address.length() > MAX_LENGTH) {
			return "longer than " + MAX_LENGTH + " characters";
		}
		int at = -1;
		for (int i = 0; i < address.length(); i++) {
			char c = address.charAt(i);
			if (c <= ' ' || c == ',' || c == ';' || c == '"' || c == '<' || c == '>' || c == 0x7f) {
				return "it holds '" + ((c <= ' ' || c == 0x7f) ? "a space or control character" : c) + "'";
			}
			if (c == '@') {
				if (at >= 0) {
					return "more than one '@'";
				}
				at = i;
			}
		}
		if (at <= 0 || at > 64) {
			return (at < 0) ? "no '@'" : "the part before '@' is empty or longer than 64 characters";
		}
		int dot = address.indexOf('.', at + 1);
		if (dot <= at + 1 || address.endsWith(".") || address.indexOf("..", at + 1) >= 0) {
			return "no domain after '@'";
		}
		return null;
	}

}
