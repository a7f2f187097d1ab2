/**
 * The HTTP transport under the client: each client library's connections, deadlines and
 * aborts.
 */
@NullMarked
package com.insprl.http;

import org.jspecify.annotations.NullMarked;
