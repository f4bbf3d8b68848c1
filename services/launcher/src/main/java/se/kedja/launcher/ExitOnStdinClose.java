package se.kedja.launcher;

import java.io.IOException;

/**
 * Used by the child JVMs: the launcher holds their stdin open, so end of input means the
 * launcher is gone (even by SIGKILL) and the child must not outlive it.
 * {@code System.exit} runs the child's own shutdown hooks, so the broker and database
 * still stop cleanly.
 */
public final class ExitOnStdinClose {

	private ExitOnStdinClose() {
	}

	public static void watch() {
		Thread watcher = new Thread(() -> {
			try {
				while (System.in.read() != -1) {
					// the launcher never writes; anything read is ignored
				}
			}
			catch (IOException ex) {
				// a broken pipe means the same as end of input
			}
			System.exit(0);
		}, "exit-on-stdin-close");
		watcher.setDaemon(true);
		watcher.start();
	}

}
