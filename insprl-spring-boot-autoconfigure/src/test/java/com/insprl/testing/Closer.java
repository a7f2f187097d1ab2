package com.insprl.testing;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Closes what a test opened (servers, Redis nodes, stubs), the last opened first.
 */
public final class Closer implements AutoCloseable {

	private final Deque<AutoCloseable> closeables = new ArrayDeque<>();

	/**
	 * Close the given resource when this closer is closed.
	 * @param <T> its type
	 * @param closeable the resource
	 * @return the resource
	 */
	public <T extends AutoCloseable> T later(T closeable) {
		this.closeables.push(closeable);
		return closeable;
	}

	@Override
	public void close() throws Exception {
		while (!this.closeables.isEmpty()) {
			this.closeables.pop().close();
		}
	}

}
