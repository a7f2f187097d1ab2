package com.insprl.whatsapp;

import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.util.ClassUtils;

/**
 * Carries the caller's thread-local context (its current observation, the MDC, whatever
 * is registered with Micrometer's context propagation) to the threads that work for it,
 * as Spring's {@code ContextPropagatingTaskDecorator} does, whatever executor runs them.
 * Without {@code io.micrometer:context-propagation} on the class path (Micrometer Tracing
 * brings it), tasks run as they are.
 */
final class CallerContext {

	private static final boolean PRESENT = ClassUtils.isPresent("io.micrometer.context.ContextSnapshotFactory",
			CallerContext.class.getClassLoader());

	private CallerContext() {
	}

	/**
	 * Capture the calling thread's context now, and return the task wrapped to run in it.
	 * @param task the task
	 * @return the task, run in the caller's context wherever it runs
	 */
	static Runnable propagate(Runnable task) {
		return PRESENT ? Snapshots.FACTORY.captureAll().wrap(task) : task;
	}

	private static final class Snapshots {

		static final ContextSnapshotFactory FACTORY = ContextSnapshotFactory.builder().build();

	}

}
