package com.insprl.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * A test class that reads the console or what is logged, or changes loggers' levels: it
 * holds {@code System.out}, {@code System.err} and the logging system alone while it
 * runs. No other class that captures the console (and so replaces {@code System.out})
 * runs beside it, and no class that starts a Spring application (whose logging system
 * initialisation silences and then resets every logger, {@link SharedResources#LOGGING})
 * does either. Lines that other classes running beside it log still reach the console, so
 * a class that counts lines counts those of its own threads.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ_WRITE)
@ResourceLock(value = Resources.SYSTEM_ERR, mode = ResourceAccessMode.READ_WRITE)
@ResourceLock(value = SharedResources.LOGGING, mode = ResourceAccessMode.READ_WRITE)
public @interface ReadsLogs {

}
