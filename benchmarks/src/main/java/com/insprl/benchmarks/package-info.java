/**
 * JMH benchmarks and measured runs of the insprl client against loopback stubs.
 */
@NullMarked
package com.insprl.benchmarks;

import org.jspecify.annotations.NullMarked;
