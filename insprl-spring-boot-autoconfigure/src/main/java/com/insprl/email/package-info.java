/**
 * insprl's email operations on the same account as its WhatsApp ones: sending one mail to
 * a batch of recipients, registering a mailing sender, and verifying an address.
 */
@NullMarked
package com.insprl.email;

import org.jspecify.annotations.NullMarked;
