package com.insprl.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.insprl.whatsapp.BulkLogoutResult;
import com.insprl.whatsapp.InsprlWhatsAppService;

/**
 * A bulk logout of 1,000 instance ids against a stub that answers after 50 ms (a real
 * network's round trip), at the default concurrency (4) and at 16: the wall time against
 * the limit (ids x 50 ms / concurrency), and the threads and the connections to the stub
 * at their peak.
 */
public final class BulkLogoutRun {

	private static final int IDS = 1_000;

	private static final Duration DELAY = Duration.ofMillis(50);

	private BulkLogoutRun() {
	}

	public static void main(String[] args) throws Exception {
		System.out.printf("Java %s, %d CPUs%n", System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors());
		for (int concurrency : new int[] { 4, 16 }) {
			try (Contenders contenders = new Contenders(DELAY, "insprl.whatsapp.bulk-concurrency=" + concurrency)) {
				run(contenders, concurrency);
			}
		}
	}

	private static void run(Contenders contenders, int concurrency) throws Exception {
		InsprlWhatsAppService service = contenders.context().getBean(InsprlWhatsAppService.class);
		List<String> warmUp = new ArrayList<>();
		for (int i = 0; i < 4 * concurrency; i++) {
			warmUp.add("warm-" + i);
		}
		service.logoutAll(warmUp);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < IDS; i++) {
			ids.add("instance-" + i);
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		threads.resetPeakThreadCount();
		int threadsBefore = threads.getThreadCount();
		AtomicInteger peakConnections = new AtomicInteger();
		AtomicBoolean running = new AtomicBoolean(true);
		int port = contenders.stubPort();
		Thread sampler = new Thread(() -> {
			while (running.get()) {
				peakConnections.accumulateAndGet(established(port), Math::max);
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.start();
		long start = System.nanoTime();
		BulkLogoutResult result = service.logoutAll(ids);
		Duration wall = Duration.ofNanos(System.nanoTime() - start);
		running.set(false);
		sampler.join();
		Duration limit = DELAY.multipliedBy(IDS).dividedBy(concurrency);
		System.out.printf(Locale.ROOT,
				"concurrency %2d: %d ids in %d ms (limit %d ms, %.2fx), %d failed; threads %d before, %d at peak "
						+ "(the sampler included); connections to the stub at peak: %d%n",
				concurrency, IDS, wall.toMillis(), limit.toMillis(), (double) wall.toNanos() / limit.toNanos(),
				result.failed().size(), threadsBefore, threads.getPeakThreadCount(), peakConnections.get());
	}

	private static int established(int port) {
		String remote = String.format(Locale.ROOT, ":%04X", port);
		int count = 0;
		for (String table : new String[] { "/proc/net/tcp", "/proc/net/tcp6" }) {
			try {
				for (String line : Files.readAllLines(Path.of(table))) {
					String[] columns = line.trim().split("\\s+");
					if (columns.length > 3 && columns[2].endsWith(remote) && columns[3].equals("01")) {
						count++;
					}
				}
			}
			catch (IOException ex) {
				// not on this system
			}
		}
		return count;
	}

}
