package com.insprl.http;

import java.io.IOException;
import java.io.InputStream;

import com.insprl.http.internal.DeadlineExceededException;

/**
 * The reply body: reports a read cut by the deadline as a timeout, and knows whether it
 * was read to its end (so that the connection may be reused) or not.
 */
final class DeadlineBody extends InputStream {

	private final InputStream in;

	private final Attempt attempt;

	private final long declaredLength;

	private long read;

	private boolean endReached;

	DeadlineBody(InputStream in, Attempt attempt, long declaredLength) {
		this.in = in;
		this.attempt = attempt;
		this.declaredLength = declaredLength;
	}

	boolean isComplete() {
		return !this.attempt.isExpired()
				&& (this.endReached || (this.declaredLength >= 0 && this.read == this.declaredLength));
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return (n < 0) ? -1 : (one[0] & 0xFF);
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (this.attempt.isExpired()) {
			throw new DeadlineExceededException(this.attempt.deadline(), null);
		}
		int n;
		try {
			n = this.in.read(buffer, offset, length);
		}
		catch (IOException ex) {
			throw this.attempt.translate(ex);
		}
		if (n < 0) {
			if (this.attempt.isExpired()) {
				throw new DeadlineExceededException(this.attempt.deadline(), null);
			}
			this.endReached = true;
		}
		else {
			this.read += n;
		}
		return n;
	}

	@Override
	public int available() throws IOException {
		return this.in.available();
	}

	@Override
	public void close() throws IOException {
		if (isComplete()) {
			this.in.close();
		}
		else {
			this.attempt.abort();
		}
	}

}
