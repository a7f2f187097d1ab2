package com.insprl.autoconfigure;

import java.util.List;

import com.insprl.client.InsprlCallEvent;
import com.insprl.client.InsprlCallListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Passes each call to the application's {@link InsprlCallListener} beans, looked up on
 * the first call rather than when the client is built, so a listener (such as the health
 * indicator) may itself depend on the client. A listener that throws is logged and does
 * not keep the others from being told.
 */
final class DeferredCallListeners implements InsprlCallListener {

	private static final Log logger = LogFactory.getLog(DeferredCallListeners.class);

	private final ObjectProvider<InsprlCallListener> provider;

	private volatile List<InsprlCallListener> listeners;

	DeferredCallListeners(ObjectProvider<InsprlCallListener> provider) {
		this.provider = provider;
	}

	@Override
	public void onCall(InsprlCallEvent event) {
		List<InsprlCallListener> resolved = this.listeners;
		if (resolved == null) {
			resolved = this.provider.orderedStream().toList();
			this.listeners = resolved;
		}
		for (InsprlCallListener listener : resolved) {
			try {
				listener.onCall(event);
			}
			catch (RuntimeException ex) {
				logger.warn("insprl call listener " + listener.getClass().getName() + " failed", ex);
			}
		}
	}

}
