package com.insprl.whatsapp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.insprl.autoconfigure.InsprlAutoConfiguration;
import com.insprl.client.InsprlCallListener;
import com.insprl.testing.RecordingStub;
import com.insprl.testing.RecordingStub.Reply;
import com.insprl.testing.TestAccount;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.TaskDecorator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk logout runs on Spring's task execution, in the caller's context: each logout's
 * observation has the caller's current observation as its parent, the MDC travels, the
 * application's task decorator and virtual threads apply, and an executor of the
 * application's replaces the default.
 */
class BulkLogoutContextTests {

	private static final List<String> IDS = List.of("a", "b", "c", "d", "e", "f", "g", "h");

	private final Map<String, String> threads = new ConcurrentHashMap<>();

	private final Map<String, String> mdc = new ConcurrentHashMap<>();

	private RecordingStub stub;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() throws Exception {
		this.stub = new RecordingStub(Duration.ofMillis(20), (id) -> Reply.ok());
		InsprlCallListener recorder = (event) -> {
			Thread thread = Thread.currentThread();
			boolean virtual = thread.getClass().getSimpleName().equals("VirtualThread");
			this.threads.put(thread.getName() + "/" + virtual, "");
			String customer = MDC.get("customer");
			this.mdc.put(Thread.currentThread().getName(), (customer != null) ? customer : "(none)");
		};
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, InsprlAutoConfiguration.class))
			.withPropertyValues("insprl.client-id=" + TestAccount.CLIENT_ID, "insprl.client-key=" + TestAccount.KEY,
					"insprl.base-url=" + this.stub.baseUrl(), "insprl.whatsapp.bulk-concurrency=3")
			.withBean(InsprlCallListener.class, () -> recorder);
	}

	@AfterEach
	void stop() {
		this.stub.close();
		MDC.clear();
	}

	@Test
	void eachLogoutsObservationHasTheCallersAsItsParent() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		List<String> parents = new CopyOnWriteArrayList<>();
		observations.observationConfig().observationHandler(new ParentRecorder(parents));
		this.contextRunner.withBean(ObservationRegistry.class, () -> observations).run((context) -> {
			InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
			Observation offboard = Observation.start("offboard.customer", observations);
			try (Observation.Scope scope = offboard.openScope()) {
				assertThat(service.logoutAll(IDS).allSucceeded()).isTrue();
			}
			offboard.stop();
		});
		assertThat(parents).as("the parent of each insprl.api.calls observation")
			.hasSize(IDS.size())
			.containsOnly("offboard.customer");
		assertThat(this.threads.keySet())
			.allSatisfy((thread) -> assertThat(thread).matches("insprl-bulk-.*|" + Pattern.quote(callersThread())));
	}

	@Test
	void withoutACallersObservationEachLogoutStartsItsOwnTrace() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		List<String> parents = new CopyOnWriteArrayList<>();
		observations.observationConfig().observationHandler(new ParentRecorder(parents));
		this.contextRunner.withBean(ObservationRegistry.class, () -> observations)
			.run((context) -> context.getBean(InsprlWhatsAppService.class).logoutAll(IDS));
		assertThat(parents).hasSize(IDS.size()).containsOnly("(none)");
	}

	@Test
	void theMdcTravelsThroughContextPropagation() {
		Slf4jThreadLocalAccessor accessor = new Slf4jThreadLocalAccessor("customer");
		ContextRegistry.getInstance().registerThreadLocalAccessor(accessor);
		try {
			this.contextRunner.run((context) -> {
				MDC.put("customer", "acme");
				context.getBean(InsprlWhatsAppService.class).logoutAll(IDS);
			});
		}
		finally {
			ContextRegistry.getInstance().removeThreadLocalAccessor(accessor.key());
		}
		assertThat(this.mdc).isNotEmpty().allSatisfy((thread, customer) -> {
			assertThat(thread).matches("insprl-bulk-.*|" + Pattern.quote(Thread.currentThread().getName()));
			assertThat(customer).isEqualTo("acme");
		});
	}

	@Test
	void theApplicationsTaskDecoratorApplies() {
		AtomicInteger decorated = new AtomicInteger();
		this.contextRunner.withBean(TaskDecorator.class, () -> (runnable) -> {
			decorated.incrementAndGet();
			return runnable;
		}).run((context) -> context.getBean(InsprlWhatsAppService.class).logoutAll(IDS));
		assertThat(decorated).as("one decorated task per share handed to the executor, the caller doing one")
			.hasValue(2);
	}

	@Test
	void anExecutorOfTheApplicationsReplacesTheDefault() {
		AtomicInteger executed = new AtomicInteger();
		Executor executor = (task) -> {
			executed.incrementAndGet();
			Thread thread = new Thread(task, "app-bulk-" + executed.get());
			thread.start();
		};
		this.contextRunner.withBean(InsprlAutoConfiguration.BULK_EXECUTOR_BEAN_NAME, Executor.class, () -> executor)
			.run((context) -> assertThat(context.getBean(InsprlWhatsAppService.class).logoutAll(IDS).allSucceeded())
				.isTrue());
		assertThat(executed).as("the shares handed to the executor, the caller doing one").hasValue(2);
		assertThat(this.threads.keySet())
			.allSatisfy((thread) -> assertThat(thread).matches("app-bulk-.*|" + Pattern.quote(callersThread())));
		assertThat(this.stub.maxInFlight()).isBetween(1, 3);
	}

	@Test
	void springBootsOwnApplicationTaskExecutorStays() {
		this.contextRunner.run((context) -> assertThat(context)
			.hasBean(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
			.doesNotHaveBean(InsprlAutoConfiguration.BULK_EXECUTOR_BEAN_NAME));
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualThreadsWhenTheApplicationRunsOnThem() {
		this.contextRunner.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> context.getBean(InsprlWhatsAppService.class).logoutAll(IDS));
		// the shares handed to the executor run on virtual threads; the caller does its
		// own
		assertThat(this.threads.keySet()).isNotEmpty()
			.filteredOn((thread) -> !thread.equals(callersThread()))
			.isNotEmpty()
			.allSatisfy((thread) -> assertThat(thread).startsWith("insprl-bulk-").endsWith("/true"));
	}

	/**
	 * Return the name under which the threads map records the caller's thread, which does
	 * a share of each bulk logout itself.
	 */
	private static String callersThread() {
		return Thread.currentThread().getName() + "/false";
	}

	/**
	 * Records the name of each {@code insprl.api.calls} observation's parent.
	 */
	private record ParentRecorder(List<String> parents) implements ObservationHandler<Observation.Context> {

		@Override
		public void onStart(Observation.Context context) {
			if (context.getName().equals("insprl.api.calls")) {
				ObservationView parent = context.getParentObservation();
				this.parents.add((parent != null) ? parent.getContextView().getName() : "(none)");
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
