package com.insprl.testing;

/**
 * The names of what test classes share in one JVM and lock with JUnit's
 * {@code @ResourceLock}, beside JUnit's own {@code Resources}.
 */
public final class SharedResources {

	/**
	 * The logging system: loggers' levels and appenders. A class that starts a Spring
	 * application holds it to read (such classes may run beside one another); a class
	 * that reads what is logged or changes levels holds it alone ({@link ReadsLogs}). The
	 * test starter's own tests name the same resource.
	 */
	public static final String LOGGING = "com.insprl.logging-system";

	private SharedResources() {
	}

}
