package com.insprl.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * insprl's answer to a successful logout.
 *
 * @param code the API code, {@code 100} on success
 * @param message the reply's {@code message}, such as {@code success}
 * @param result the status text, such as {@code Logout request sent to WhatsApp} (the
 * reply's {@code result}, or its {@code status} when it has no {@code result})
 */
public record LogoutResult(int code, @Nullable String message, @Nullable String result) {

}
