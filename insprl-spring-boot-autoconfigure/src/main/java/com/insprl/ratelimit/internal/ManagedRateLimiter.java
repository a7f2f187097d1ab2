package com.insprl.ratelimit.internal;

import com.insprl.ratelimit.InsprlRateLimiter;

/**
 * A rate limiter of the starter's own: it limits calls, keeps pauses the actuator
 * endpoint lists and lifts, and reports its store to the health indicator.
 */
public interface ManagedRateLimiter extends InsprlRateLimiter, PauseRegistry, StoreHealth {

}
