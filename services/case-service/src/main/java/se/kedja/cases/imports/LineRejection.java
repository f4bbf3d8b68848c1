package se.kedja.cases.imports;

/**
 * Why a line is refused before any command is sent: the column, a problem code and the
 * message key with its arguments.
 */
class LineRejection extends RuntimeException {

	private final String column;

	private final String code;

	private final String key;

	private final Object[] args;

	LineRejection(String column, String code, String key, Object... args) {
		super(code, null, false, false);
		this.column = column;
		this.code = code;
		this.key = key;
		this.args = args;
	}

	String column() {
		return this.column;
	}

	String code() {
		return this.code;
	}

	String key() {
		return this.key;
	}

	Object[] args() {
		return this.args;
	}

}
