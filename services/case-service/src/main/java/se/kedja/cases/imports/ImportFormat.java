package se.kedja.cases.imports;

/** The kinds of file an import reads. */
enum ImportFormat {

	CSV("text/csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
	NDJSON("application/x-ndjson");

	private final String mediaType;

	ImportFormat(String mediaType) {
		this.mediaType = mediaType;
	}

	String mediaType() {
		return this.mediaType;
	}

}
