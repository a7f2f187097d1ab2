package com.insprl.testing;

import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Runs the test classes that must run alone ({@link Isolated}: they count the JVM's
 * threads, measure its heap or change its logging) after all others. When the build runs
 * the long, mostly waiting test classes at the same time as the rest, an isolated class
 * met early would hold every other class back until it is done.
 */
public final class IsolatedLast implements ClassOrderer {

	@Override
	public void orderClasses(ClassOrdererContext context) {
		context.getClassDescriptors()
			.sort(Comparator.comparing((descriptor) -> descriptor.isAnnotated(Isolated.class)));
	}

}
