/**
 * The insprl WhatsApp service: logouts, one or in bulk, and campaign tracking.
 */
@NullMarked
package com.insprl.whatsapp;

import org.jspecify.annotations.NullMarked;
