/**
 * Micrometer observation of insprl calls: the context and its conventions.
 */
@NullMarked
package com.insprl.observation;

import org.jspecify.annotations.NullMarked;
