package com.insprl.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Platform threads each contender starts per 1,000 calls in steady state: 2,000 calls to
 * warm up, then {@code ThreadMXBean.getTotalStartedThreadCount()} around 10,000
 * sequential calls. The stub's threads are all started before, so the count is the
 * clients'. The starter and a RestClient call are also measured on the JDK
 * {@code HttpClient} ({@code spring.http.clients.imperative.factory=jdk}).
 */
public final class ThreadsPerCall {

	private static final int WARM_UP = 2_000;

	private static final int MEASURED = 10_000;

	private ThreadsPerCall() {
	}

	public static void main(String[] args) throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		System.out.printf("Java %s, %d CPUs%n", System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors());
		try (Contenders contenders = new Contenders(Duration.ZERO)) {
			report(threads, "raw JDK HttpClient", contenders::rawJdkHttpClient);
			report(threads, "raw Apache HttpClient 5", contenders::rawApacheHttpClient);
			report(threads, "hand-written RestClient", contenders::handWrittenRestClient);
			report(threads, "starter", contenders::starter);
		}
		try (Contenders onJdk = new Contenders(Duration.ZERO, "spring.http.clients.imperative.factory=jdk")) {
			report(threads, "starter on the JDK client", onJdk::starter);
			report(threads, "RestClient on the JDK client", onJdk::handWrittenRestClient);
		}
	}

	private static void report(ThreadMXBean threads, String name, Callable<Integer> call) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			call.call();
		}
		long before = threads.getTotalStartedThreadCount();
		for (int i = 0; i < MEASURED; i++) {
			call.call();
		}
		long started = threads.getTotalStartedThreadCount() - before;
		System.out.printf("%-26s %6d threads started in %d calls: %.2f per 1,000 calls%n", name, started, MEASURED,
				started * 1000.0 / MEASURED);
	}

}
