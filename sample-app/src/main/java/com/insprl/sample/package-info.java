/**
 * The sample application: the insprl service injected into a web app. Its demo mode,
 * against a stand-in for insprl, runs from the test class path
 * ({@code TestSampleApplication}).
 */
@NullMarked
package com.insprl.sample;

import org.jspecify.annotations.NullMarked;
