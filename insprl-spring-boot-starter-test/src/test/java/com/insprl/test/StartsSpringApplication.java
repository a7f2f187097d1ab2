package com.insprl.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that starts a Spring application, whose logging system initialisation
 * silences and then resets every logger of the JVM. It holds the logging system to read:
 * such classes run beside one another, never beside a class that reads what is logged
 * (the autoconfigure module's {@code ReadsLogs}, which names the same resource, should
 * their tests ever share a JVM).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ResourceLock(value = StartsSpringApplication.LOGGING, mode = ResourceAccessMode.READ)
public @interface StartsSpringApplication {

	/** The logging system, as a resource lock's name. */
	String LOGGING = "com.insprl.logging-system";

}
