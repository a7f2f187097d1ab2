/**
 * Testing support: a local insprl stand-in for application tests, with what it received.
 */
@NullMarked
package com.insprl.test;

import org.jspecify.annotations.NullMarked;
