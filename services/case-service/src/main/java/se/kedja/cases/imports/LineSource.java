package se.kedja.cases.imports;

import java.io.IOException;
import java.util.function.Consumer;

/** Reads a received file line by line, never all of it at once. */
interface LineSource {

	void forEach(Consumer<ImportLine> handler) throws IOException;

	/** How much of the file was read, 0 to 1, for the estimate of the time left. */
	double fractionRead();

}
