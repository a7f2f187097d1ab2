/**
 * The health indicator that reports whether insprl accepts the account's credentials.
 */
@NullMarked
package com.insprl.health;

import org.jspecify.annotations.NullMarked;
