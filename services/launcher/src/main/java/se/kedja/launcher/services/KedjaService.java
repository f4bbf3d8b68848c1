package se.kedja.launcher.services;

import java.util.List;

/**
 * A service the launcher runs: its module name (and jar name), HTTP port and database
 * schema.
 */
public record KedjaService(String name, int port, String schema) {

	public static final List<KedjaService> ALL = List.of(new KedjaService("case-service", 8081, "cases"),
			new KedjaService("progress-service", 8082, "progress"), new KedjaService("audit-service", 8083, "audit"),
			new KedjaService("web", 8080, "web"));

	/**
	 * Only case-service holds names and personal identity numbers, and so the key to
	 * them.
	 */
	boolean holdsPersonalData() {
		return "case-service".equals(this.name);
	}

}
