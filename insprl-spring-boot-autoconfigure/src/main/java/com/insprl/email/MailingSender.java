package com.insprl.email;

import org.jspecify.annotations.Nullable;

/**
 * A mailing sender insprl registered.
 *
 * @param name the sender's name
 * @param email the sender's address, which {@link EmailMessage#sender()} may then name
 * @param message insprl's {@code message}, such as {@code success}
 */
public record MailingSender(String name, String email, @Nullable String message) {

}
