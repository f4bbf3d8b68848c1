package se.kedja.support.process;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ends the service when its standard input closes, so a child started by the embedded
 * launcher never outlives a launcher that was killed.
 */
public class StdinWatchdog implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(StdinWatchdog.class);

	private final InputStream stdin;

	private final Runnable halt;

	public StdinWatchdog() {
		this(System.in, () -> System.exit(0));
	}

	StdinWatchdog(InputStream stdin, Runnable halt) {
		this.stdin = stdin;
		this.halt = halt;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		Thread watcher = new Thread(() -> watch(context), "stdin-watchdog");
		watcher.setDaemon(true);
		watcher.start();
	}

	void watch(ConfigurableApplicationContext context) {
		try {
			byte[] buffer = new byte[256];
			while (this.stdin.read(buffer) >= 0) {
				// Input is ignored; only its end matters.
			}
		}
		catch (IOException ex) {
			log.debug("Standard input failed", ex);
		}
		log.info("Standard input closed: shutting down");
		SpringApplication.exit(context, () -> 0);
		this.halt.run();
	}

}
