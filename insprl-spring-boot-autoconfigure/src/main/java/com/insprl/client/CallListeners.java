package com.insprl.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Tells each listener of a completed call: the listeners given to the builder, then those
 * a supplier gives, looked up on the first call rather than when the client is built (so
 * that a listener may itself depend on the client). A listener that throws is logged and
 * does not keep the others from being told.
 */
final class CallListeners {

	private static final Log logger = LogFactory.getLog(InsprlClient.class);

	private final List<InsprlCallListener> given;

	private final @Nullable Supplier<? extends List<? extends InsprlCallListener>> deferred;

	private volatile @Nullable List<InsprlCallListener> resolved;

	CallListeners(List<InsprlCallListener> given,
			@Nullable Supplier<? extends List<? extends InsprlCallListener>> deferred) {
		this.given = List.copyOf(given);
		this.deferred = deferred;
		this.resolved = (deferred != null) ? null : this.given;
	}

	/**
	 * Return whether there may be a listener to tell, so that an event is made only when
	 * one will read it.
	 * @return {@code false} when there is certainly none
	 */
	boolean isEmpty() {
		List<InsprlCallListener> listeners = this.resolved;
		return listeners != null && listeners.isEmpty();
	}

	void tell(InsprlCallEvent event) {
		for (InsprlCallListener listener : listeners()) {
			try {
				listener.onCall(event);
			}
			catch (RuntimeException ex) {
				logger.warn("insprl call listener " + listener.getClass().getName() + " failed", ex);
			}
		}
	}

	private List<InsprlCallListener> listeners() {
		List<InsprlCallListener> listeners = this.resolved;
		if (listeners == null) {
			List<InsprlCallListener> all = new ArrayList<>(this.given);
			if (this.deferred != null) {
				all.addAll(this.deferred.get());
			}
			listeners = List.copyOf(all);
			this.resolved = listeners;
		}
		return listeners;
	}

}
