/**
 * The sample application: the insprl service injected into a web app, with a demo mode.
 */
@NullMarked
package com.insprl.sample;

import org.jspecify.annotations.NullMarked;
