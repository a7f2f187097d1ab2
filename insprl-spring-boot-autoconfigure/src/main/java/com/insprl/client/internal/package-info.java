/**
 * Internals of the client, not part of its API: request encoding, reply reading, key
 * masking and the call budget.
 */
@NullMarked
package com.insprl.client.internal;

import org.jspecify.annotations.NullMarked;
