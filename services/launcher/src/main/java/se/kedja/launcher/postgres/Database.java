package se.kedja.launcher.postgres;

/** How a service reaches its schema in the one {@code kedja} database. */
public record Database(int port, String name, String user, String password) {

	public String jdbcUrl(String schema) {
		return "jdbc:postgresql://localhost:" + port + "/" + name + "?currentSchema=" + schema;
	}

}
