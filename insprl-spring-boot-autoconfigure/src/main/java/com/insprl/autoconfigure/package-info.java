/**
 * Auto-configuration of the insprl client and service: properties, their validation, rate
 * limits, health and failure analysis.
 */
@NullMarked
package com.insprl.autoconfigure;

import org.jspecify.annotations.NullMarked;
