package com.insprl.autoconfigure;

import java.util.List;
import java.util.function.Supplier;

import com.insprl.client.InsprlCallListener;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The application's {@link InsprlCallListener} beans, looked up once, when the context
 * has instantiated its singletons (so that a listener may depend on the client, as the
 * health indicator does), and only read by each call: a call still in flight when the
 * context closes never touches the bean factory.
 */
final class InsprlCallListeners implements SmartInitializingSingleton, Supplier<List<InsprlCallListener>> {

	private final ObjectProvider<InsprlCallListener> provider;

	private volatile List<InsprlCallListener> listeners = List.of();

	InsprlCallListeners(ObjectProvider<InsprlCallListener> provider) {
		this.provider = provider;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.listeners = this.provider.orderedStream().toList();
	}

	@Override
	public List<InsprlCallListener> get() {
		return this.listeners;
	}

}
