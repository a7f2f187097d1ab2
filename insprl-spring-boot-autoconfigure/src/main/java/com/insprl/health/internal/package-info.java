/**
 * The health indicator that reports whether insprl accepts the account's credentials: not
 * API, the auto-configuration builds it.
 */
@NullMarked
package com.insprl.health.internal;

import org.jspecify.annotations.NullMarked;
