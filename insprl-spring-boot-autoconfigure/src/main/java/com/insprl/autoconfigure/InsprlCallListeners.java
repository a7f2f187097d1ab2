package com.insprl.autoconfigure;

import java.util.List;

import com.insprl.client.InsprlCallEvent;
import com.insprl.client.InsprlCallListener;
import com.insprl.client.InsprlClient;
import com.insprl.client.internal.Listeners;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The application's {@link InsprlCallListener} beans, looked up once, when the context
 * has instantiated its singletons (so that a listener may depend on the client, as the
 * health indicator does), and only read by each call: a call still in flight when the
 * context closes never touches the bean factory. The client is given {@link #tell} as a
 * listener of its own; a call that ends before the lookup tells no bean.
 */
final class InsprlCallListeners implements SmartInitializingSingleton {

	private final ObjectProvider<InsprlCallListener> provider;

	private volatile Listeners<InsprlCallListener, InsprlCallEvent> listeners = listeners(List.of());

	InsprlCallListeners(ObjectProvider<InsprlCallListener> provider) {
		this.provider = provider;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.listeners = listeners(this.provider.orderedStream().toList());
	}

	/**
	 * Tell each listener bean of a call, a failing one logged and never in the way of the
	 * others.
	 * @param event the call
	 */
	void tell(InsprlCallEvent event) {
		this.listeners.tell(event);
	}

	private static Listeners<InsprlCallListener, InsprlCallEvent> listeners(List<InsprlCallListener> beans) {
		return new Listeners<>(beans, InsprlCallListener::onCall, InsprlClient.class);
	}

}
