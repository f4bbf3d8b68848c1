package se.kedja.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded default's PostgreSQL, for the baselines: the superuser over localhost
 * (zonky's initdb trusts local connections), else the {@code kedja} role with the
 * password from the data folder.
 */
final class Database {

	private final String url;

	private final Path dataDir;

	Database(int port, Path dataDir) {
		this.url = "jdbc:postgresql://localhost:" + port + "/kedja";
		this.dataDir = dataDir;
	}

	Connection connect() throws SQLException {
		try {
			return DriverManager.getConnection(this.url, "postgres", "");
		}
		catch (SQLException ex) {
			try {
				String password = Files.readString(this.dataDir.resolve("postgres-password")).strip();
				return DriverManager.getConnection(this.url, "kedja", password);
			}
			catch (java.io.IOException io) {
				throw ex;
			}
		}
	}

	/** The same database as a DataSource (for a connection pool). */
	javax.sql.DataSource dataSource() throws SQLException {
		org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
		source.setUrl(this.url);
		try (Connection probe = DriverManager.getConnection(this.url, "postgres", "")) {
			source.setUser("postgres");
		}
		catch (SQLException ex) {
			source.setUser("kedja");
			try {
				source.setPassword(Files.readString(this.dataDir.resolve("postgres-password")).strip());
			}
			catch (java.io.IOException io) {
				throw ex;
			}
		}
		return source;
	}

	String setting(String name) {
		try (Connection connection = connect();
				Statement sql = connection.createStatement();
				ResultSet row = sql.executeQuery("SHOW " + name)) {
			return row.next() ? row.getString(1) : "?";
		}
		catch (SQLException ex) {
			return "? (" + ex.getMessage() + ")";
		}
	}

	long count(String query) throws SQLException {
		try (Connection connection = connect();
				Statement sql = connection.createStatement();
				ResultSet row = sql.executeQuery(query)) {
			return row.next() ? row.getLong(1) : 0;
		}
	}

}
