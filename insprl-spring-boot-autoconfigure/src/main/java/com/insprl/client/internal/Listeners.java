package com.insprl.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The one fan-out of events to listeners: the listeners given, then those a supplier
 * gives, looked up on the first event rather than when the client is built (so that a
 * listener may itself depend on the client). A listener that throws is logged and does
 * not keep the others from being told.
 *
 * @param <L> the type of listener
 * @param <E> the type of event
 */
public final class Listeners<L, E> {

	private final Log logger;

	private final List<L> given;

	private final @Nullable Supplier<? extends List<? extends L>> deferred;

	private final BiConsumer<L, E> tell;

	private volatile @Nullable List<L> resolved;

	/**
	 * Create a fan-out.
	 * @param given the listeners known now
	 * @param deferred gives the listeners to look up on the first event, or {@code null}
	 * @param tell tells one listener of an event
	 * @param category the class whose logger records a listener's failure
	 */
	public Listeners(List<L> given, @Nullable Supplier<? extends List<? extends L>> deferred, BiConsumer<L, E> tell,
			Class<?> category) {
		this.given = List.copyOf(given);
		this.deferred = deferred;
		this.tell = tell;
		this.logger = LogFactory.getLog(category);
		this.resolved = (deferred != null) ? null : this.given;
	}

	/**
	 * Return whether there may be a listener to tell, so that an event is made only when
	 * one will read it.
	 * @return {@code false} when there is certainly none
	 */
	public boolean isEmpty() {
		List<L> listeners = this.resolved;
		return listeners != null && listeners.isEmpty();
	}

	/**
	 * Tell every listener of an event.
	 * @param event the event
	 */
	public void tell(E event) {
		for (L listener : listeners()) {
			try {
				this.tell.accept(listener, event);
			}
			catch (RuntimeException ex) {
				this.logger.warn("insprl call listener " + listener.getClass().getName() + " failed", ex);
			}
		}
	}

	private List<L> listeners() {
		List<L> listeners = this.resolved;
		if (listeners == null) {
			List<L> all = new ArrayList<>(this.given);
			if (this.deferred != null) {
				all.addAll(this.deferred.get());
			}
			listeners = List.copyOf(all);
			this.resolved = listeners;
		}
		return listeners;
	}

}
