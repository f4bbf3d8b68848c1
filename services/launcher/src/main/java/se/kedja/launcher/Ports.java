package se.kedja.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Fails early with a line that names the port and how to choose another. */
public final class Ports {

	private Ports() {
	}

	public static void requireFree(int port, String what, String envVariable) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new LaunchException("Port " + port + " for " + what + " is in use by another program; stop it or set "
					+ envVariable + " to a free port.");
		}
	}

}
