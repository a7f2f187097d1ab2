package com.insprl.client.internal;

import java.util.List;
import java.util.function.BiConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The one fan-out of events to listeners: a listener that throws is logged and never
 * keeps the others from being told, nor changes what the call returns.
 *
 * @param <L> the type of listener
 * @param <E> the type of event
 */
public final class Listeners<L, E> {

	private final Log logger;

	private final List<L> listeners;

	private final BiConsumer<L, E> tell;

	/**
	 * Create a fan-out.
	 * @param listeners the listeners
	 * @param tell tells one listener of an event
	 * @param category the class whose logger records a listener's failure
	 */
	public Listeners(List<L> listeners, BiConsumer<L, E> tell, Class<?> category) {
		this.listeners = List.copyOf(listeners);
		this.tell = tell;
		this.logger = LogFactory.getLog(category);
	}

	/**
	 * Return whether there is no listener to tell.
	 * @return {@code true} if there is none
	 */
	public boolean isEmpty() {
		return this.listeners.isEmpty();
	}

	/**
	 * Tell every listener of an event, in order.
	 * @param event the event
	 */
	public void tell(E event) {
		for (L listener : this.listeners) {
			try {
				this.tell.accept(listener, event);
			}
			catch (RuntimeException ex) {
				this.logger.warn("insprl call listener " + listener.getClass().getName() + " failed", ex);
			}
		}
	}

}
