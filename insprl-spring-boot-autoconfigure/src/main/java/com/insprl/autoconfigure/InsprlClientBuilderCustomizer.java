package com.insprl.autoconfigure;

import com.insprl.client.InsprlClientBuilder;

/**
 * Callback to customize the {@link InsprlClientBuilder} of the auto-configured
 * {@code InsprlClient}, after the {@code insprl.*} properties and the application's
 * {@code RestClientCustomizer}s have been applied to it: for example to add a
 * {@code RestClientCustomizer} that only the insprl client gets, or to bind a test's
 * {@code MockRestServiceServer} to it.
 */
@FunctionalInterface
public interface InsprlClientBuilderCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder of the auto-configured client
	 */
	void customize(InsprlClientBuilder builder);

}
