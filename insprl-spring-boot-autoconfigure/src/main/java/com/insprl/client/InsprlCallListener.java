package com.insprl.client;

/**
 * Told of every completed insprl call, after any retries: for metrics, health and audit.
 * Called on the caller's thread; it must be quick and must not throw (a listener's
 * exception is logged and ignored).
 */
@FunctionalInterface
public interface InsprlCallListener {

	/**
	 * A call completed, with success or not.
	 * @param event what happened
	 */
	void onCall(InsprlCallEvent event);

	/**
	 * Forget what this listener remembers of earlier calls, as it was when the
	 * application started: the test starter calls it between tests. Does nothing by
	 * default.
	 */
	default void reset() {
	}

}
