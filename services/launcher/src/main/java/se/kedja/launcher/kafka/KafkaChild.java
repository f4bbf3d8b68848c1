package se.kedja.launcher.kafka;

import kafka.Kafka;
import kafka.tools.StorageTool;

import se.kedja.launcher.ExitOnStdinClose;

/**
 * The broker's JVM: formats the log directory on first start (the cluster id then lives
 * in {@code meta.properties}, so later formats are skipped) and runs a combined KRaft
 * broker and controller until SIGTERM or until the launcher's pipe closes.
 */
public final class KafkaChild {

	private KafkaChild() {
	}

	public static void main(String[] args) {
		ExitOnStdinClose.watch();
		String serverProperties = args[0];
		String clusterId = args[1];
		int formatted = StorageTool.execute(
				new String[] { "format", "-t", clusterId, "-c", serverProperties, "--ignore-formatted" }, System.out);
		if (formatted != 0) {
			System.exit(formatted);
		}
		Kafka.main(new String[] { serverProperties });
	}

}
