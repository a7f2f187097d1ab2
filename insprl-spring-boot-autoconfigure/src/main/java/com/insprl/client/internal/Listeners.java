package com.insprl.client.internal;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The one fan-out of events to listeners: the listeners given, then those a supplier
 * gives at each event (which the supplier only reads, such as the listeners a Spring
 * application context resolved once its singletons were instantiated: nothing on a call's
 * path looks them up). A listener that throws, or a supplier that fails, is logged and
 * never keeps the others from being told, nor changes what the call returns.
 *
 * @param <L> the type of listener
 * @param <E> the type of event
 */
public final class Listeners<L, E> {

	private final Log logger;

	private final List<L> given;

	private final @Nullable Supplier<? extends List<? extends L>> more;

	private final BiConsumer<L, E> tell;

	/**
	 * Create a fan-out.
	 * @param given the listeners known now
	 * @param more gives further listeners at each event, or {@code null}
	 * @param tell tells one listener of an event
	 * @param category the class whose logger records a listener's failure
	 */
	public Listeners(List<L> given, @Nullable Supplier<? extends List<? extends L>> more, BiConsumer<L, E> tell,
			Class<?> category) {
		this.given = List.copyOf(given);
		this.more = more;
		this.tell = tell;
		this.logger = LogFactory.getLog(category);
	}

	/**
	 * Return whether there is no listener to tell now, so that an event is made only when
	 * one will read it.
	 * @return {@code true} when there is none
	 */
	public boolean isEmpty() {
		return this.given.isEmpty() && more().isEmpty();
	}

	/**
	 * Tell every listener of an event.
	 * @param event the event
	 */
	public void tell(E event) {
		for (L listener : this.given) {
			tell(listener, event);
		}
		for (L listener : more()) {
			tell(listener, event);
		}
	}

	private void tell(L listener, E event) {
		try {
			this.tell.accept(listener, event);
		}
		catch (RuntimeException ex) {
			this.logger.warn("insprl call listener " + listener.getClass().getName() + " failed", ex);
		}
	}

	private List<? extends L> more() {
		if (this.more == null) {
			return List.of();
		}
		try {
			List<? extends L> listeners = this.more.get();
			return (listeners != null) ? listeners : List.of();
		}
		catch (RuntimeException ex) {
			this.logger.warn("insprl call listeners could not be found", ex);
			return List.of();
		}
	}

}
