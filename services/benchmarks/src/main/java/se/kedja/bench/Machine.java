package se.kedja.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the figures were measured on, from /proc. */
final class Machine {

	private Machine() {
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	/**
	 * CPU time the whole machine has spent busy (user, nice, system, irq and softirq, all
	 * cores, seconds; not idle, iowait or time stolen by the hypervisor) since boot, from
	 * /proc/stat; NaN where unreadable.
	 */
	static double busyCpuSeconds() {
		try {
			String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).strip().split("\\s+");
			long busy = 0;
			for (int i = 1; i < f.length && i <= 7; i++) {
				if (i != 4 && i != 5) {
					busy += Long.parseLong(f[i]);
				}
			}
			return busy / 100.0;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	static Map<String, Object> describe() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("cpuModel", cpuModel());
		machine.put("memory", memTotal());
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
		return machine;
	}

	private static String cpuModel() {
		try {
			List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
			return lines.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static String memTotal() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal"))
				.map((line) -> "%.1f GiB".formatted(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
				.findFirst()
				.orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
