package com.insprl.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.insprl.http.internal.DeadlineExceededException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link DeadlineRequestFactory}: what becomes of a client library's unchecked
 * failure, before and after the deadline.
 */
class DeadlineRequestFactoryTests {

	private static final URI URL = URI.create("http://127.0.0.1/api/whatsapp/instance/logout");

	private final AttemptWatchdog watchdog = new AttemptWatchdog();

	@AfterEach
	void close() {
		this.watchdog.close();
	}

	@Test
	void aLibraryFailureBeforeTheDeadlineIsRethrownAsItIsAndItsTimerCancelled() throws IOException {
		IllegalStateException failure = new IllegalStateException("a fault of the library");
		ClientHttpRequest request = new DeadlineRequestFactory(library(() -> {
			throw failure;
		}), this.watchdog, Duration.ofSeconds(30)).createRequest(URL, HttpMethod.POST);
		assertThatIllegalStateException().isThrownBy(request::execute).isSameAs(failure);
		assertThat(timer().getQueue()).as("timers besides the heartbeat, once the attempt failed").hasSize(1);
	}

	@Test
	void aLibraryThatCannotCreateTheRequestLeavesNoAttemptOnTheThread() {
		IOException failure = new IOException("no route to the library");
		ClientHttpRequestFactory factory = new DeadlineRequestFactory((uri, method) -> {
			assertThat(Attempt.current()).as("the attempt the library's hooks see").isNotNull();
			throw failure;
		}, this.watchdog, Duration.ofSeconds(30));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> factory.createRequest(URL, HttpMethod.POST))
			.isSameAs(failure);
		assertThat(Attempt.current()).isNull();
	}

	@Test
	void aLibraryErrorIsRethrownAsItIsAndItsTimerCancelled() throws IOException {
		NoClassDefFoundError error = new NoClassDefFoundError("org/example/Missing");
		ClientHttpRequest request = new DeadlineRequestFactory(library(() -> {
			throw error;
		}), this.watchdog, Duration.ofSeconds(30)).createRequest(URL, HttpMethod.POST);
		assertThatExceptionOfType(NoClassDefFoundError.class).isThrownBy(request::execute).isSameAs(error);
		assertThat(timer().getQueue()).as("timers besides the heartbeat, once the attempt failed").hasSize(1);
	}

	@Test
	void aBodyIsWrittenToALibraryRequestThatDoesNotStream() throws IOException {
		MockClientHttpRequest library = new MockClientHttpRequest(HttpMethod.POST, URL);
		ClientHttpRequest request = new DeadlineRequestFactory((uri, method) -> library, this.watchdog,
				Duration.ofSeconds(30))
			.createRequest(URL, HttpMethod.POST);
		((StreamingHttpOutputMessage) request)
			.setBody((out) -> out.write("{\"instance_id\":\"i-1\"}".getBytes(StandardCharsets.UTF_8)));
		assertThat(library.getBodyAsString()).isEqualTo("{\"instance_id\":\"i-1\"}");
	}

	/**
	 * The library waits until the deadline cancels it through the cancel it registered,
	 * and then fails as some libraries do when cancelled: with an unchecked exception.
	 * The caller's thread is not interrupted.
	 */
	@Test
	void aLibraryFailureOnceTheDeadlineHasPassedIsReportedAsTheDeadline() throws IOException {
		CountDownLatch cancelled = new CountDownLatch(1);
		ClientHttpRequest request = new DeadlineRequestFactory(library(() -> {
			Objects.requireNonNull(Attempt.current()).onCancel(cancelled::countDown);
			try {
				if (!cancelled.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("not cancelled by the deadline");
				}
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException("interrupted", ex);
			}
			throw new IllegalStateException("cancelled");
		}), this.watchdog, Duration.ofMillis(100)).createRequest(URL, HttpMethod.POST);
		assertThatExceptionOfType(DeadlineExceededException.class).isThrownBy(request::execute)
			.withCauseInstanceOf(IOException.class);
		assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt flag").isFalse();
	}

	/**
	 * A library that reports an interrupt with the interrupt flag cleared (as Jetty's
	 * reply stream and Reactor Netty's blocking wait do) leaves the caller's flag set.
	 */
	@Test
	void anInterruptTheLibraryReportsIsKeptOnTheCallersThread() throws IOException {
		ClientHttpRequest request = new DeadlineRequestFactory((uri, method) -> new MockClientHttpRequest(method, uri) {

			@Override
			protected ClientHttpResponse executeInternal() throws IOException {
				throw new InterruptedIOException();
			}

		}, this.watchdog, Duration.ofSeconds(5)).createRequest(URL, HttpMethod.POST);
		try {
			assertThatExceptionOfType(InterruptedIOException.class).isThrownBy(request::execute);
			assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt flag").isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	private ScheduledThreadPoolExecutor timer() {
		return (ScheduledThreadPoolExecutor) ReflectionTestUtils.getField(this.watchdog, "timer");
	}

	private static ClientHttpRequestFactory library(Runnable execution) {
		return (uri, method) -> new MockClientHttpRequest(method, uri) {

			@Override
			protected ClientHttpResponse executeInternal() {
				execution.run();
				throw new IllegalStateException("no reply");
			}

		};
	}

}
