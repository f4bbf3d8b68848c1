package se.kedja.reliability;

import se.kedja.testsupport.TestInfrastructure;

/**
 * test-support's PostgreSQL and in-JVM broker, with a database of the suite's own so
 * other test classes' rows never mix in.
 */
final class SharedBackend implements Backend {

	private final TestInfrastructure infrastructure = TestInfrastructure.get();

	private final String database;

	SharedBackend(String name) {
		this.database = this.infrastructure.createDatabase(name);
		createTopics();
	}

	@Override
	public String jdbcUrl(String schema) {
		return this.database + (this.database.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	@Override
	public String username() {
		return this.infrastructure.username();
	}

	@Override
	public String password() {
		return this.infrastructure.password();
	}

	@Override
	public String bootstrapServers() {
		return this.infrastructure.bootstrapServers();
	}

}
