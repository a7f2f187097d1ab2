/**
 * The application the start-up benchmark refreshes.
 */
@NullMarked
package com.insprl.benchmarks.app;

import org.jspecify.annotations.NullMarked;
