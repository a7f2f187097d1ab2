package com.insprl.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

import org.jspecify.annotations.Nullable;

/**
 * A reply body of the JDK {@code HttpClient}, read as a stream on the caller's thread.
 * The JDK's own stream ({@code BodyHandlers.ofInputStream()}) swallows an interrupt that
 * arrives while it waits for data on Java 17, so that the caller never sees it: this one
 * ends the read with an {@link InterruptedIOException} and leaves the interrupt flag set.
 * <p>
 * Data is asked for one list of buffers at a time, as the JDK's stream does, so that a
 * large reply is read from the network only as fast as the caller reads it. The JDK keeps
 * a connection only once the body's end has been delivered, and reading exactly the
 * declared length does not deliver it: a body read to its declared length is read once
 * more, for its end, when it is closed, so that the connection serves the next request. A
 * body closed before that is abandoned: the exchange is cancelled, and a reader waiting
 * on another thread is woken.
 */
final class JdkReplyBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {

	private static final Object END = new Object();

	private static final Object CLOSED = new Object();

	private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();

	private final long declared;

	private volatile Flow.@Nullable Subscription subscription;

	private volatile boolean closed;

	private Iterator<ByteBuffer> buffers = Collections.emptyIterator();

	private @Nullable ByteBuffer current;

	private boolean ended;

	private long read;

	/**
	 * Create a body.
	 * @param declared the length the reply declares, or -1
	 */
	JdkReplyBody(long declared) {
		this.declared = declared;
	}

	@Override
	public CompletionStage<InputStream> getBody() {
		return CompletableFuture.completedStage(this);
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		if (this.closed) {
			subscription.cancel();
		}
		else {
			subscription.request(1);
		}
	}

	@Override
	public void onNext(List<ByteBuffer> item) {
		this.arrived.add(item);
	}

	@Override
	public void onError(Throwable failure) {
		this.arrived.add(failure);
	}

	@Override
	public void onComplete() {
		this.arrived.add(END);
	}

	@Override
	public int read() throws IOException {
		ByteBuffer buffer = current();
		if (buffer == null) {
			return -1;
		}
		this.read++;
		return buffer.get() & 0xFF;
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		ByteBuffer buffer = current();
		if (buffer == null) {
			return -1;
		}
		int n = Math.min(length, buffer.remaining());
		buffer.get(bytes, offset, n);
		this.read += n;
		return n;
	}

	/**
	 * Return the buffer to read from, waiting for the next list of buffers when the last
	 * is used up.
	 * @return the buffer, or {@code null} at the end of the body
	 * @throws IOException if the body failed or was closed, or the thread was interrupted
	 */
	private @Nullable ByteBuffer current() throws IOException {
		while (this.current == null || !this.current.hasRemaining()) {
			if (this.ended) {
				return null;
			}
			if (this.buffers.hasNext()) {
				this.current = this.buffers.next();
				continue;
			}
			Object next = next();
			if (next == END) {
				this.ended = true;
				return null;
			}
			if (next == CLOSED) {
				throw new IOException("The reply body was closed");
			}
			if (next instanceof Throwable failure) {
				throw (failure instanceof IOException io) ? io : new IOException(failure.getMessage(), failure);
			}
			@SuppressWarnings("unchecked")
			List<ByteBuffer> list = (List<ByteBuffer>) next;
			this.buffers = list.iterator();
			Flow.Subscription requested = this.subscription;
			if (requested != null) {
				requested.request(1);
			}
		}
		return this.current;
	}

	private Object next() throws IOException {
		if (this.closed) {
			return CLOSED;
		}
		try {
			return this.arrived.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			InterruptedIOException interrupted = new InterruptedIOException("Interrupted while reading the reply");
			interrupted.initCause(ex);
			throw interrupted;
		}
	}

	@Override
	public void close() throws IOException {
		if (this.closed) {
			return;
		}
		try {
			if (!this.ended && this.declared >= 0 && this.read == this.declared && !this.buffers.hasNext()
					&& (this.current == null || !this.current.hasRemaining())) {
				// the end of a body read to its declared length, so the JDK keeps the
				// connection
				current();
			}
		}
		finally {
			this.closed = true;
			Flow.Subscription subscribed = this.subscription;
			if (!this.ended && subscribed != null) {
				subscribed.cancel();
			}
			this.arrived.add(CLOSED);
		}
	}

}
