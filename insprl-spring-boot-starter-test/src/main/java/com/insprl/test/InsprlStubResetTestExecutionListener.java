package com.insprl.test;

import com.insprl.actuate.internal.InsprlCallHistory;
import com.insprl.client.InsprlClient;
import com.insprl.health.internal.InsprlHealthIndicator;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.util.ClassUtils;

/**
 * After each test method, resets what the insprl beans of a test's application context
 * remember, so that nothing of one test leaks into the next: the {@link InsprlStub}'s
 * scripted answers and received requests, the expectations of the insprl client's
 * {@code MockRestServiceServer}, the {@link InsprlClient}'s pauses and rate-limit budgets
 * (one test's 429 never fails the next), the calls the {@code insprl} endpoint shows, and
 * the health indicator's last call. Contexts are cached between test classes, so this is
 * what makes a user's tests independent of their order.
 */
class InsprlStubResetTestExecutionListener extends AbstractTestExecutionListener {

	private static final boolean HEALTH_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.health.contributor.AbstractHealthIndicator",
			InsprlStubResetTestExecutionListener.class.getClassLoader());

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
				client.reset();
			}
			for (InsprlCallHistory history : context.getBeansOfType(InsprlCallHistory.class, false, false).values()) {
				history.clear();
			}
			if (HEALTH_PRESENT) {
				Health.reset(context);
			}
		}
	}

	/**
	 * Loaded only when Spring Boot's health support is on the class path.
	 */
	private static final class Health {

		static void reset(ApplicationContext context) {
			for (InsprlHealthIndicator indicator : context.getBeansOfType(InsprlHealthIndicator.class, false, false)
				.values()) {
				indicator.reset();
			}
		}

	}

}
