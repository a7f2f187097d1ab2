/**
 * Internals of the transport, not part of its API: call deadlines and their failures, and
 * durations as messages show them.
 */
@NullMarked
package com.insprl.http.internal;

import org.jspecify.annotations.NullMarked;
