package com.insprl.test;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the {@link InsprlStub} of a test's application context after each test method,
 * so that answers scripted and requests received in one test do not leak into the next.
 */
class InsprlStubResetTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			ApplicationContext context = testContext.getApplicationContext();
			for (InsprlStub stub : context.getBeansOfType(InsprlStub.class, false, false).values()) {
				stub.reset();
			}
		}
	}

}
