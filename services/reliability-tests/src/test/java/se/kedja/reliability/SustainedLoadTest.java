package se.kedja.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.kedja.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Writers at a steady pace while a dashboard reader polls the progress figures and a
 * browser-like client holds the SSE stream open: the consumers' lag stays bounded, no
 * service's resident memory keeps growing, and no service logs an ERROR. Meanwhile a
 * second instance of progress-service and of audit-service joins each consumer group (as
 * replicas of a real deployment would), and halfway (or once they are ready, if later)
 * the first instances are killed with {@code kill -9}; the load goes on at least
 * {@link #AFTER_HANDOVER} past that, however short the run: the survivors must take over
 * every partition (the lag returns to zero) and no event may count twice (the intake
 * equals the topic's events).
 */
class SustainedLoadTest {

	private static final Duration AFTER_HANDOVER = Duration.ofSeconds(30);

	/**
	 * How long past the planned end the load waits for the second instances to be ready.
	 */
	private static final Duration READY_LIMIT = Duration.ofMinutes(3);

	@BeforeAll
	static void built() {
		assumeTrue(Kedja.built(), "the service jars are not built (./kedja build)");
	}

	@Test
	void lag_and_memory_stay_bounded_and_a_second_consumer_instance_takes_over_under_steady_load() throws Exception {
		long started = System.nanoTime();
		Kedja kedja = Kedja.shared();
		Ledger ledger = new Ledger();
		Map<String, Integer> errorsBefore = new HashMap<>();
		kedja.all().forEach((jar) -> errorsBefore.put(jar.name(), jar.errorLines().size()));
		ServiceJar progressOne = kedja.liveProgress();
		ServiceJar auditOne = kedja.liveAudit();
		ServiceJar progressTwo = kedja.progressInstance();
		kedja.progress.add(progressTwo);
		ServiceJar auditTwo = kedja.auditInstance();
		kedja.audit.add(auditTwo);
		// memory is sampled from an instance's readiness on, not through its startup
		Set<ServiceJar> sampled = ConcurrentHashMap.newKeySet();
		sampled.addAll(kedja.all());
		sampled.removeAll(List.of(progressTwo, auditTwo));
		AtomicLong dashboards = new AtomicLong();
		AtomicLong sseBytes = new AtomicLong();
		List<Long> lags = new ArrayList<>();
		Map<String, List<Long>> rss = new HashMap<>();
		Duration length = Scale.load();
		Thread dashboard = Thread.ofVirtual().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					Http http = new Http(kedja.liveProgress().url());
					http.get("/api/projects/" + CaseDriver.PROJECT + "/progress");
					http.get("/api/projects/" + CaseDriver.PROJECT + "/alerts");
					dashboards.incrementAndGet();
					Thread.sleep(500);
				}
				catch (IOException ex) {
					// counted by the checks below, not here
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		// a browser reconnects when its stream ends, here when the instance it read is
		// killed
		Thread sse = Thread.ofVirtual().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				readStream(kedja.liveProgress().url(), sseBytes);
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		boolean handedOver;
		try (CaseDriver driver = new CaseDriver(kedja.caseService::url, ledger, 2).start();
				Admin admin = kedja.backend.admin()) {
			long begun = System.nanoTime();
			long deadline = begun + length.toNanos();
			long halfway = begun + length.toNanos() / 2;
			progressTwo.start();
			auditTwo.start();
			for (ServiceJar second : List.of(progressTwo, auditTwo)) {
				Thread.ofVirtual().start(() -> {
					second.awaitReady();
					sampled.add(second);
				});
			}
			boolean killed = false;
			long killedAt = 0;
			long latest = deadline + READY_LIMIT.toNanos();
			while (System.nanoTime() < latest && (System.nanoTime() < deadline || !killed
					|| System.nanoTime() < killedAt + AFTER_HANDOVER.toNanos())) {
				lags.add(lag(admin));
				for (ServiceJar jar : sampled) {
					if (jar.isAlive()) {
						rss.computeIfAbsent(jar.name(), (name) -> new ArrayList<>()).add(jar.residentKb());
					}
				}
				if (!killed && System.nanoTime() > halfway && sampled.containsAll(List.of(progressTwo, auditTwo))) {
					progressOne.kill();
					auditOne.kill();
					killed = true;
					killedAt = System.nanoTime();
				}
				Waits.pause(Duration.ofSeconds(5));
			}
			handedOver = killed;
		}
		finally {
			dashboard.interrupt();
			sse.interrupt();
		}
		Checks.Outcome outcome = kedja.checks().verify(ledger);
		long maxLag = lags.stream().mapToLong(Long::longValue).max().orElse(0);
		long finalLag = lag(kedja.backend.admin());
		List<String> growing = new ArrayList<>();
		rss.forEach((name, samples) -> {
			if (samples.size() >= 6) {
				long firstThird = average(samples.subList(0, samples.size() / 3));
				long lastThird = average(samples.subList(samples.size() * 2 / 3, samples.size()));
				// the heap is capped at 384 MB; growth past half as much again is a leak
				if (lastThird > firstThird * 3 / 2) {
					growing.add(name + " " + firstThird / 1024 + " MB → " + lastThird / 1024 + " MB");
				}
			}
		});
		List<String> errors = new ArrayList<>();
		for (ServiceJar jar : kedja.all()) {
			List<String> lines = jar.errorLines();
			errors.addAll(lines.subList(Math.min(errorsBefore.getOrDefault(jar.name(), 0), lines.size()), lines.size())
				.stream()
				.map((line) -> jar.name() + ": " + line)
				.limit(5)
				.toList());
		}
		boolean held = outcome.held() && growing.isEmpty() && errors.isEmpty() && finalLag == 0 && ledger.fiveXx() == 0
				&& sseBytes.get() > 0 && handedOver;
		Summary.row(
				"sustained load " + length.toSeconds() + " s with dashboards and SSE; a second progress-service"
						+ " and audit-service joined, the first ones killed halfway or later",
				handedOver ? 2 : 0, outcome.written(), outcome.verified(), outcome.lost(), outcome.duplicatesOnTopic(),
				ledger.fiveXx(), Duration.ofNanos(System.nanoTime() - started), held,
				ledger.acknowledged + " commands, " + dashboards + " dashboard reads, " + sseBytes
						+ " SSE bytes, max lag " + maxLag + ", final lag " + finalLag + ", RSS " + peaks(rss));

		assertThat(handedOver).as("the second instances were ready and the first ones killed before the end").isTrue();
		assertThat(outcome.problems()).as("lost, counted twice or not intact").isEmpty();
		assertThat(growing).as("resident memory growing").isEmpty();
		assertThat(errors).as("ERROR lines logged under load").isEmpty();
		assertThat(finalLag).as("lag after the load (a partition nobody consumes keeps its lag)").isZero();
		assertThat(sseBytes.get()).as("the SSE stream sent something").isPositive();
		assertThat(ledger.fiveXx()).isZero();
	}

	private static void readStream(String progress, AtomicLong bytes) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(progress + "/api/projects/" + CaseDriver.PROJECT + "/progress/stream"))
			.header("Accept", "text/event-stream");
		Auth.headers().forEach(request::header);
		try (InputStream stream = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofInputStream())
			.body()) {
			byte[] buffer = new byte[4096];
			int read;
			while (!Thread.currentThread().isInterrupted() && (read = stream.read(buffer)) >= 0) {
				bytes.addAndGet(read);
			}
		}
		catch (IOException | InterruptedException ex) {
			// the stream ends with the test
		}
	}

	/** Records on the case topic not yet committed by the consumer groups, summed. */
	static long lag(Admin admin) {
		try {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (var partition : admin.describeTopics(List.of(Topics.CASE_EVENTS.name()))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(Topics.CASE_EVENTS.name())
				.partitions()) {
				latest.put(new TopicPartition(Topics.CASE_EVENTS.name(), partition.partition()), OffsetSpec.latest());
			}
			var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
			long lag = 0;
			for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
				if (!group.groupId().startsWith("progress") && !group.groupId().startsWith("audit")) {
					continue;
				}
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
					.partitionsToOffsetAndMetadata()
					.get(30, TimeUnit.SECONDS);
				if (committed.keySet().stream().noneMatch(ends::containsKey)) {
					// a group of the project topic only (progress-project-events): no lag
					// here
					continue;
				}
				for (var end : ends.entrySet()) {
					OffsetAndMetadata offset = committed.get(end.getKey());
					lag += end.getValue().offset() - ((offset != null) ? offset.offset() : 0);
				}
			}
			return lag;
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private static long average(List<Long> samples) {
		return (long) samples.stream().mapToLong(Long::longValue).average().orElse(0);
	}

	private static String peaks(Map<String, List<Long>> rss) {
		StringBuilder text = new StringBuilder();
		rss.forEach((name, samples) -> text.append(name)
			.append(' ')
			.append(samples.stream().mapToLong(Long::longValue).max().orElse(0) / 1024)
			.append(" MB; "));
		return text.toString();
	}

}
