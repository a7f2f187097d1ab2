/**
 * The rate limiter the client asks before every request: client-side rate limits and
 * account pauses, held locally or shared through Redis.
 */
@NullMarked
package com.insprl.ratelimit;

import org.jspecify.annotations.NullMarked;
