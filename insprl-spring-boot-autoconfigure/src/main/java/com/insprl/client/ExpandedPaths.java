package com.insprl.client;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriBuilderFactory;

/**
 * The URIs of the base URL and the operations' paths, expanded once: an operation's path
 * has no variables, so its URI is the same on every call, and expanding the template
 * again (parsing, encoding, building) is work and garbage for nothing. The template is
 * still what {@code RestClient} is given, so its observation keeps the path as its
 * {@code uri}. At most {@value #MOST} paths are kept; others, and templates with
 * variables, are expanded each time.
 */
final class ExpandedPaths implements UriBuilderFactory {

	/** The most paths kept: many more than the operations there are. */
	static final int MOST = 64;

	private final UriBuilderFactory expander;

	private final Map<String, URI> expanded = new ConcurrentHashMap<>();

	ExpandedPaths(String baseUrl) {
		this.expander = new DefaultUriBuilderFactory(baseUrl);
	}

	@Override
	public URI expand(String uriTemplate, Object... uriVariables) {
		if (uriVariables.length > 0) {
			return this.expander.expand(uriTemplate, uriVariables);
		}
		URI uri = this.expanded.get(uriTemplate);
		return (uri != null) ? uri : expandAndKeep(uriTemplate);
	}

	/**
	 * Expand a path not kept yet, and keep it while fewer than {@value #MOST} are:
	 * checked and added under one lock, so that paths arriving at once cannot add more.
	 * @param path the path
	 * @return its URI
	 */
	private synchronized URI expandAndKeep(String path) {
		URI uri = this.expanded.get(path);
		if (uri == null) {
			uri = this.expander.expand(path);
			if (this.expanded.size() < MOST) {
				this.expanded.put(path, uri);
			}
		}
		return uri;
	}

	@Override
	public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
		return uriVariables.isEmpty() ? expand(uriTemplate) : this.expander.expand(uriTemplate, uriVariables);
	}

	@Override
	public UriBuilder uriString(String uriTemplate) {
		return this.expander.uriString(uriTemplate);
	}

	@Override
	public UriBuilder builder() {
		return this.expander.builder();
	}

}
