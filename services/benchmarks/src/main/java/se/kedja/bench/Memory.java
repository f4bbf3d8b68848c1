package se.kedja.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The memory of the embedded default's processes, two ways: resident set size (VmRSS) and
 * proportional set size (Pss, from {@code /proc/<pid>/smaps_rollup}). A page that several
 * processes share counts fully in each one's RSS but only in equal parts in their PSS, so
 * the sum of PSS is what the processes together hold in RAM; the sum of RSS over-counts
 * PostgreSQL, whose backends all map the same shared buffers. A sampler keeps each
 * process's peak while the suite runs.
 */
final class Memory {

	/** One reading: MiB by process name (and "total"), both ways. */
	record Reading(Map<String, Double> resident, Map<String, Double> proportional) {

		double proportionalTotal() {
			return this.proportional.getOrDefault("total", Double.NaN);
		}

		double residentTotal() {
			return this.resident.getOrDefault("total", Double.NaN);
		}

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("rss", this.resident);
			map.put("pss", this.proportional);
			return map;
		}

	}

	private final Kedja kedja;

	private final Map<String, Double> peakResident = new LinkedHashMap<>();

	private final Map<String, Double> peakProportional = new LinkedHashMap<>();

	private int samples;

	private Thread sampler;

	private volatile boolean stopped;

	Memory(Kedja kedja) {
		this.kedja = kedja;
	}

	Reading read() {
		Reading reading = new Reading(this.kedja.memoryMiB(Memory::residentKiB),
				this.kedja.memoryMiB(Memory::proportionalKiB));
		synchronized (this) {
			this.samples++;
			reading.resident().forEach((name, value) -> this.peakResident.merge(name, value, Math::max));
			reading.proportional().forEach((name, value) -> this.peakProportional.merge(name, value, Math::max));
		}
		return reading;
	}

	/** Reads every {@code every} on a daemon thread until {@link #stop()}. */
	void sample(Duration every) {
		this.sampler = Thread.ofPlatform().daemon().name("memory-sampler").start(() -> {
			while (!this.stopped) {
				read();
				try {
					Thread.sleep(every);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
	}

	void stop() throws InterruptedException {
		this.stopped = true;
		if (this.sampler != null) {
			this.sampler.interrupt();
			this.sampler.join();
		}
	}

	/**
	 * The highest reading of each process, and of the total (the highest sum at one
	 * moment, not the sum of each process's peak).
	 */
	synchronized Reading peak() {
		return new Reading(new LinkedHashMap<>(this.peakResident), new LinkedHashMap<>(this.peakProportional));
	}

	synchronized int samples() {
		return this.samples;
	}

	static long residentKiB(long pid) {
		return field(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
	}

	static long proportionalKiB(long pid) {
		return field(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
	}

	private static long field(Path file, String name) {
		try {
			for (String line : Files.readAllLines(file)) {
				if (line.startsWith(name)) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// the process has ended
		}
		return 0;
	}

}
