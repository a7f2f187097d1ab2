/**
 * The low-level insprl client: credentials, operations, call options, replies and the
 * exceptions a call ends with.
 */
@NullMarked
package com.insprl.client;

import org.jspecify.annotations.NullMarked;
