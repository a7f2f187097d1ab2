/**
 * The rate limiters the auto-configuration builds, in the JVM and through Redis: not API.
 */
@NullMarked
package com.insprl.ratelimit.internal;

import org.jspecify.annotations.NullMarked;
