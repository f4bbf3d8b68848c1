package se.kedja.progress.intake;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's binary COPY format, written to a table in one COPY: no statement
 * per row, no text to parse on the server.
 */
public final class BinaryCopy {

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

	/** 2000-01-01, PostgreSQL's epoch, in days and seconds since 1970-01-01. */
	private static final long PG_EPOCH_DAY = 10_957;

	private static final int TEXT_OID = 25;

	private static final int JSONB_VERSION = 1;

	private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;

	private final Blocks bytes = new Blocks();

	private final DataOutputStream out = new DataOutputStream(this.bytes);

	private int rows;

	public BinaryCopy() {
		write(() -> {
			this.out.write(SIGNATURE);
			this.out.writeInt(0);
			this.out.writeInt(0);
		});
	}

	public BinaryCopy row(int fields) {
		this.rows++;
		write(() -> this.out.writeShort(fields));
		return this;
	}

	public BinaryCopy uuid(UUID value) {
		write(() -> {
			this.out.writeInt(16);
			this.out.writeLong(value.getMostSignificantBits());
			this.out.writeLong(value.getLeastSignificantBits());
		});
		return this;
	}

	public BinaryCopy int8(long value) {
		write(() -> {
			this.out.writeInt(8);
			this.out.writeLong(value);
		});
		return this;
	}

	public BinaryCopy text(@Nullable String value) {
		return bytea((value != null) ? value.getBytes(StandardCharsets.UTF_8) : null);
	}

	public BinaryCopy bytea(byte @Nullable [] value) {
		write(() -> {
			if (value == null) {
				this.out.writeInt(-1);
			}
			else {
				this.out.writeInt(value.length);
				this.out.write(value);
			}
		});
		return this;
	}

	public BinaryCopy bool(boolean value) {
		write(() -> {
			this.out.writeInt(1);
			this.out.writeByte(value ? 1 : 0);
		});
		return this;
	}

	/** A one-dimensional text[] of non-null elements. */
	public BinaryCopy textArray(List<String> values) {
		ByteArrayOutputStream array = new ByteArrayOutputStream();
		DataOutputStream elements = new DataOutputStream(array);
		write(() -> {
			// an empty array has no dimension
			elements.writeInt(values.isEmpty() ? 0 : 1);
			elements.writeInt(0);
			elements.writeInt(TEXT_OID);
			if (values.isEmpty()) {
				return;
			}
			elements.writeInt(values.size());
			elements.writeInt(1);
			for (String value : values) {
				byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
				elements.writeInt(bytes.length);
				elements.write(bytes);
			}
		});
		return bytea(array.toByteArray());
	}

	/** A jsonb value from its JSON text. */
	public BinaryCopy jsonb(byte[] json) {
		write(() -> {
			this.out.writeInt(json.length + 1);
			this.out.writeByte(JSONB_VERSION);
			this.out.write(json);
		});
		return this;
	}

	public BinaryCopy date(@Nullable LocalDate value) {
		if (value == null) {
			return bytea(null);
		}
		write(() -> {
			this.out.writeInt(4);
			this.out.writeInt(Math.toIntExact(value.toEpochDay() - PG_EPOCH_DAY));
		});
		return this;
	}

	/**
	 * Microseconds since PostgreSQL's epoch, rounded as the server rounds a text value
	 * with more digits.
	 */
	public BinaryCopy timestamptz(Instant value) {
		long micros = (value.getEpochSecond() - PG_EPOCH_SECOND) * 1_000_000L
				+ (long) Math.rint(value.getNano() / 1000.0);
		return int8(micros);
	}

	public int rows() {
		return this.rows;
	}

	/** Copies the rows into {@code table} ({@code columns} in the order written). */
	public void into(Connection connection, String table, String columns) {
		if (this.rows == 0) {
			return;
		}
		write(() -> {
			this.out.writeShort(-1);
			this.out.flush();
		});
		try {
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)");
			try {
				for (int i = 0; i < this.bytes.full.size(); i++) {
					copy.writeToCopy(this.bytes.full.get(i), 0, Blocks.SIZE);
				}
				if (this.bytes.used > 0) {
					copy.writeToCopy(this.bytes.block, 0, this.bytes.used);
				}
				copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
		}
		catch (SQLException ex) {
			throw new CopyFailedException(table, ex);
		}
	}

	private void write(Write write) {
		try {
			write.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The rows in blocks of one size: a chunk of rows runs to megabytes, and one array
	 * grown to hold them would be copied on each doubling and once more to be sent.
	 */
	private static final class Blocks extends OutputStream {

		static final int SIZE = 64 * 1024;

		final List<byte[]> full = new ArrayList<>();

		byte[] block = new byte[SIZE];

		int used;

		@Override
		public void write(int b) {
			if (this.used == SIZE) {
				next();
			}
			this.block[this.used++] = (byte) b;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			while (len > 0) {
				if (this.used == SIZE) {
					next();
				}
				int n = Math.min(len, SIZE - this.used);
				System.arraycopy(b, off, this.block, this.used, n);
				this.used += n;
				off += n;
				len -= n;
			}
		}

		private void next() {
			this.full.add(this.block);
			this.block = new byte[SIZE];
			this.used = 0;
		}

	}

	private interface Write {

		void run() throws IOException;

	}

	/** A COPY the server refused or could not finish; the cause says why. */
	public static final class CopyFailedException extends RuntimeException {

		CopyFailedException(String table, SQLException cause) {
			super("COPY into " + table + " failed: " + cause.getMessage(), cause);
		}

	}

}
