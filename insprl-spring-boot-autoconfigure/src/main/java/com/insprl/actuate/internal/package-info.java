/**
 * The {@code insprl} actuator endpoint: what an operator sees of the client (the accounts
 * paused now, the rate limit, the last calls of each operation, the configuration in
 * effect), and the one thing it lets them do, lift a pause. Not API: the
 * auto-configuration builds it.
 */
@NullMarked
package com.insprl.actuate.internal;

import org.jspecify.annotations.NullMarked;
