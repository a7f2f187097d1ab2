package com.insprl.test;

import com.insprl.client.InsprlCallListener;
import com.insprl.client.InsprlClient;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.test.web.client.MockRestServiceServer;

/**
 * After each test method, resets what the insprl beans of a test's application context
 * remember, so that nothing of one test leaks into the next: the {@link InsprlStub}'s
 * scripted answers and received requests, the expectations of the insprl client's
 * {@code MockRestServiceServer}, the {@link InsprlClient}'s pauses and rate-limit budgets
 * (one test's 429 never fails the next), and what the call listeners remember (the calls
 * the {@code insprl} endpoint shows, the health indicator's last call). Contexts are
 * cached between test classes, so this is what makes a user's tests independent of their
 * order.
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
			if (context.containsBean(InsprlMockRestServiceServerContextCustomizerFactory.SERVER_BEAN_NAME)) {
				context
					.getBean(InsprlMockRestServiceServerContextCustomizerFactory.SERVER_BEAN_NAME,
							MockRestServiceServer.class)
					.reset();
			}
			for (InsprlClient client : context.getBeansOfType(InsprlClient.class, false, false).values()) {
				client.getRateLimiter().reset();
			}
			for (InsprlCallListener listener : context.getBeansOfType(InsprlCallListener.class, false, false)
				.values()) {
				listener.reset();
			}
		}
	}

}
