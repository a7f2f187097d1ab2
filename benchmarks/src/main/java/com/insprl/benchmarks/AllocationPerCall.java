package com.insprl.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Callable;

import com.sun.management.ThreadMXBean;

/**
 * Bytes allocated per call, by every thread of the JVM (the caller's and the client
 * library's own), for the insprl client, a hand-written call on the same client library
 * and a hand-written {@code RestClient} call on it: 20,000 calls to warm up, then the
 * JVM's allocation around 20,000 sequential calls, three times. A thread that ends takes
 * its count with it: the hand-written {@code RestClient} on the JDK client starts two
 * threads a call, so its figure is a lower bound, and it runs last, so that its threads
 * do not end during another's run.
 */
public final class AllocationPerCall {

	private static final int WARM_UP = 20_000;

	private static final int MEASURED = 20_000;

	private AllocationPerCall() {
	}

	public static void main(String[] args) throws Exception {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		try (Contenders jdk = new Contenders(Duration.ZERO, "spring.http.clients.imperative.factory=jdk")) {
			report(threads, "jdk: raw JDK HttpClient", jdk::rawJdkHttpClient);
			report(threads, "jdk: insprl client", jdk::starter);
			report(threads, "jdk: hand-written RestClient", jdk::handWrittenRestClient);
		}
		try (Contenders apache = new Contenders(Duration.ZERO,
				"spring.http.clients.imperative.factory=http-components")) {
			report(threads, "http-components: raw Apache HttpClient", apache::rawApacheHttpClient);
			report(threads, "http-components: insprl client", apache::starter);
			report(threads, "http-components: hand-written RestClient", apache::handWrittenRestClient);
		}
	}

	private static void report(ThreadMXBean threads, String name, Callable<Integer> call) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			call.call();
		}
		StringBuilder runs = new StringBuilder();
		for (int run = 0; run < 3; run++) {
			long before = allocated(threads);
			for (int i = 0; i < MEASURED; i++) {
				call.call();
			}
			long bytes = allocated(threads) - before;
			runs.append(String.format(" %8.0f", (double) bytes / MEASURED));
		}
		System.out.printf("%-42s bytes per call:%s%n", name, runs);
	}

	private static long allocated(ThreadMXBean threads) {
		long total = 0;
		for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			total += Math.max(0, bytes);
		}
		return total;
	}

}
