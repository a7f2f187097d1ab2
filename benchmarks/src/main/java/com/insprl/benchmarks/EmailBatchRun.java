package com.insprl.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import com.insprl.email.EmailBatchResult;
import com.insprl.email.EmailMessage;
import com.insprl.email.InsprlEmailService;
import com.sun.management.ThreadMXBean;

/**
 * One mail to 1,000,000 recipients, sent in batches of 10,000 against a loopback stub
 * that answers at once: per batch, the calling thread's time and bytes against the
 * request's size; and the heap after a full GC at the start of each batch, which stays
 * within about one batch's request of where it started (the list is not copied per batch,
 * and no batch's request outlives it).
 */
public final class EmailBatchRun {

	private static final int RECIPIENTS = 1_000_000;

	private EmailBatchRun() {
	}

	public static void main(String[] args) throws Exception {
		System.out.printf("Java %s, %d CPUs%n", System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors());
		try (Contenders contenders = new Contenders(Duration.ZERO, "insprl.email.sender=news@shop.example")) {
			InsprlEmailService emails = contenders.context().getBean(InsprlEmailService.class);
			EmailMessage mail = EmailMessage.of(EmailMessage.Type.PROMO, "Spring sale", "<p>30% off everything</p>");
			List<String> recipients = new ArrayList<>(RECIPIENTS);
			for (int i = 0; i < RECIPIENTS; i++) {
				recipients.add(String.format(Locale.ROOT, "user%07d@example.com", i));
			}
			for (int i = 0; i < 3; i++) {
				emails.sendInBatches(mail, recipients.subList(0, 100_000), true);
			}
			ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
			long requestBytesBefore = contenders.stubBytesReceived();
			long allocated = threads.getCurrentThreadAllocatedBytes();
			long cpu = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			EmailBatchResult result = emails.sendInBatches(mail, recipients, true);
			long wall = System.nanoTime() - start;
			cpu = threads.getCurrentThreadCpuTime() - cpu;
			allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
			int batches = result.batches().size();
			long requestBytes = (contenders.stubBytesReceived() - requestBytesBefore) / batches;
			System.out.printf(Locale.ROOT,
					"%,d recipients in %d batches, complete: %s; per batch: %.1f ms wall, %.1f ms of the calling "
							+ "thread's CPU, %,d bytes allocated by it against a request body of %,d bytes (%.2fx)%n",
					RECIPIENTS, batches, result.isComplete(), wall / 1e6 / batches, cpu / 1e6 / batches,
					allocated / batches, requestBytes, (double) allocated / batches / requestBytes);
			heapPerBatch(emails, mail, recipients, requestBytes);
		}
	}

	/**
	 * Send the list again, reading the heap after a full GC as each batch starts.
	 * @param emails the service
	 * @param mail the mail
	 * @param recipients the recipients
	 * @param requestBytes the size of one batch's request body
	 */
	private static void heapPerBatch(InsprlEmailService emails, EmailMessage mail, List<String> recipients,
			long requestBytes) {
		List<Long> heap = new ArrayList<>();
		emails.sendInBatches(mail, new SecondPassSampled(recipients, heap, ManagementFactory.getMemoryMXBean()), true);
		long min = heap.stream().mapToLong(Long::longValue).min().orElse(0);
		long max = heap.stream().mapToLong(Long::longValue).max().orElse(0);
		System.out.printf(Locale.ROOT,
				"heap after a full GC as each of %d batches starts: %,d to %,d bytes, a spread of %,d bytes "
						+ "(%.2f of one batch's request)%n",
				heap.size(), min, max, max - min, (double) (max - min) / requestBytes);
	}

	/**
	 * The recipients, read once to be checked and once to be sent: the heap is read as
	 * each batch of the second reading starts.
	 */
	private static final class SecondPassSampled implements Iterable<String> {

		private final List<String> recipients;

		private final List<Long> heap;

		private final MemoryMXBean memory;

		private int readings;

		SecondPassSampled(List<String> recipients, List<Long> heap, MemoryMXBean memory) {
			this.recipients = recipients;
			this.heap = heap;
			this.memory = memory;
		}

		@Override
		public Iterator<String> iterator() {
			Iterator<String> all = this.recipients.iterator();
			boolean sending = ++this.readings == 2;
			return new Iterator<>() {

				private int read;

				@Override
				public boolean hasNext() {
					return all.hasNext();
				}

				@Override
				public String next() {
					if (sending && this.read % InsprlEmailService.MAX_RECIPIENTS == 0) {
						System.gc();
						SecondPassSampled.this.heap.add(SecondPassSampled.this.memory.getHeapMemoryUsage().getUsed());
					}
					this.read++;
					return all.next();
				}

			};
		}

	}

}
