package se.kedja.launcher.services;

import java.util.List;

/**
 * A service the launcher runs: its module name (and jar name), HTTP port and database
 * schema.
 */
public record KedjaService(String name, int port, String schema) {

	public static final List<KedjaService> ALL = List.of(new KedjaService("identity", 9000, "identity"),
			new KedjaService("case-service", 8081, "cases"), new KedjaService("progress-service", 8082, "progress"),
			new KedjaService("audit-service", 8083, "audit"), new KedjaService("web", 8080, "web"));

	/** The embedded default's token issuer, which every other service trusts. */
	public static final String ISSUER = "http://localhost:9000";

	/**
	 * Only case-service holds names and personal identity numbers, and so the key to
	 * them.
	 */
	boolean holdsPersonalData() {
		return "case-service".equals(this.name);
	}

	/**
	 * Every event passes through these three: case-service stores and publishes it,
	 * progress-service and audit-service take it in. They run hot for as long as Kedja is
	 * used, so they get the optimising (C2) compiler; the others stay with the quick one,
	 * which costs less memory and start-up time.
	 */
	boolean carriesEvents() {
		return List.of("case-service", "progress-service", "audit-service").contains(this.name);
	}

	boolean isIssuer() {
		return "identity".equals(this.name);
	}

}
