package com.insprl.testing;

import java.util.Comparator;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The order in which the build starts test classes, which then run at the same time: the
 * {@link LongRunning} ones first, so that the rest runs beside them rather than after;
 * those that must run alone ({@link Isolated}: they count the JVM's threads, measure its
 * heap or change its logging) last, since one met early would hold every other class back
 * until it is done.
 */
public final class TestClassOrder implements ClassOrderer {

	@Override
	public void orderClasses(ClassOrdererContext context) {
		context.getClassDescriptors().sort(Comparator.comparingInt(TestClassOrder::rank));
	}

	private static int rank(ClassDescriptor descriptor) {
		if (descriptor.isAnnotated(Isolated.class)) {
			return 2;
		}
		return descriptor.isAnnotated(LongRunning.class) ? 0 : 1;
	}

}
