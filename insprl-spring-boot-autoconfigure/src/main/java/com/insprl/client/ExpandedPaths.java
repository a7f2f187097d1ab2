package com.insprl.client;

import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriBuilderFactory;

/**
 * The URIs of the base URL and the operations' paths, expanded once: an operation's path
 * has no variables, so its URI, and the URI template {@code RestClient} gives its
 * observation as the {@code uri}, are the same on every call, and expanding the template
 * again (parsing, encoding, building) is work and garbage for nothing. At most
 * {@value #MOST} paths are kept; others, and templates with variables, are expanded each
 * time.
 */
final class ExpandedPaths implements UriBuilderFactory {

	/** The most paths kept: many more than the operations there are. */
	static final int MOST = 64;

	private final UriBuilderFactory expander;

	private final Map<String, Kept> kept = new ConcurrentHashMap<>();

	ExpandedPaths(String baseUrl) {
		this.expander = new DefaultUriBuilderFactory(baseUrl);
	}

	@Override
	public URI expand(String uriTemplate, @Nullable Object... uriVariables) {
		if (uriVariables.length > 0) {
			return this.expander.expand(uriTemplate, uriVariables);
		}
		Kept path = kept(uriTemplate);
		return (path != null) ? path.uri : this.expander.expand(uriTemplate);
	}

	@Override
	public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
		return uriVariables.isEmpty() ? expand(uriTemplate) : this.expander.expand(uriTemplate, uriVariables);
	}

	@Override
	public UriBuilder uriString(String uriTemplate) {
		Kept path = kept(uriTemplate);
		return (path != null) ? path : this.expander.uriString(uriTemplate);
	}

	@Override
	public UriBuilder builder() {
		return this.expander.builder();
	}

	private @Nullable Kept kept(String path) {
		Kept kept = this.kept.get(path);
		return (kept != null || path.indexOf('{') >= 0) ? kept : expandAndKeep(path);
	}

	/**
	 * Expand a path not kept yet, and keep it while fewer than {@value #MOST} are:
	 * checked and added under one lock, so that paths arriving at once cannot add more.
	 * @param path the path, without variables
	 * @return the path expanded, or {@code null} if it is not kept
	 */
	private synchronized @Nullable Kept expandAndKeep(String path) {
		Kept kept = this.kept.get(path);
		if (kept == null && this.kept.size() < MOST) {
			kept = new Kept(this.expander, path);
			this.kept.put(path, kept);
		}
		return kept;
	}

	/**
	 * A path expanded once: its URI, and its template's URI string. As a
	 * {@link UriBuilder}, it gives both as they are, and changing it starts a new builder
	 * from the path, as the factory's own builders do.
	 */
	private static final class Kept implements UriBuilder {

		private final UriBuilderFactory expander;

		private final String path;

		private final URI uri;

		private final String uriString;

		Kept(UriBuilderFactory expander, String path) {
			this.expander = expander;
			this.path = path;
			this.uri = expander.expand(path);
			this.uriString = expander.uriString(path).toUriString();
		}

		private UriBuilder builder() {
			return this.expander.uriString(this.path);
		}

		@Override
		public String toUriString() {
			return this.uriString;
		}

		@Override
		public URI build(@Nullable Object... uriVariables) {
			return (uriVariables.length > 0) ? builder().build(uriVariables) : this.uri;
		}

		@Override
		public URI build(Map<String, ? extends @Nullable Object> uriVariables) {
			return uriVariables.isEmpty() ? this.uri : builder().build(uriVariables);
		}

		@Override
		public UriBuilder scheme(@Nullable String scheme) {
			return builder().scheme(scheme);
		}

		@Override
		public UriBuilder userInfo(@Nullable String userInfo) {
			return builder().userInfo(userInfo);
		}

		@Override
		public UriBuilder host(@Nullable String host) {
			return builder().host(host);
		}

		@Override
		public UriBuilder port(int port) {
			return builder().port(port);
		}

		@Override
		public UriBuilder port(@Nullable String port) {
			return builder().port(port);
		}

		@Override
		public UriBuilder path(String path) {
			return builder().path(path);
		}

		@Override
		public UriBuilder replacePath(@Nullable String path) {
			return builder().replacePath(path);
		}

		@Override
		public UriBuilder pathSegment(String... pathSegments) {
			return builder().pathSegment(pathSegments);
		}

		@Override
		public UriBuilder query(String query) {
			return builder().query(query);
		}

		@Override
		public UriBuilder replaceQuery(@Nullable String query) {
			return builder().replaceQuery(query);
		}

		@Override
		public UriBuilder queryParam(String name, Object... values) {
			return builder().queryParam(name, values);
		}

		@Override
		public UriBuilder queryParam(String name, @Nullable Collection<?> values) {
			return builder().queryParam(name, values);
		}

		@Override
		public UriBuilder queryParamIfPresent(String name, Optional<?> value) {
			return builder().queryParamIfPresent(name, value);
		}

		@Override
		public UriBuilder queryParams(MultiValueMap<String, String> params) {
			return builder().queryParams(params);
		}

		@Override
		public UriBuilder replaceQueryParam(String name, Object... values) {
			return builder().replaceQueryParam(name, values);
		}

		@Override
		public UriBuilder replaceQueryParam(String name, @Nullable Collection<?> values) {
			return builder().replaceQueryParam(name, values);
		}

		@Override
		public UriBuilder replaceQueryParams(MultiValueMap<String, String> params) {
			return builder().replaceQueryParams(params);
		}

		@Override
		public UriBuilder fragment(@Nullable String fragment) {
			return builder().fragment(fragment);
		}

	}

}
