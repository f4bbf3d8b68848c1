package se.kedja.cases.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxFileSize the largest file accepted (the request size limit of the import path
 * must be larger, see {@code kedja.http.path-limits})
 * @param maxEntrySize the largest entry of an XLSX file once unzipped
 * @param workers imports running at once
 * @param queue imports waiting beyond those
 * @param batchSize lines per database transaction (a participant's lines are never split)
 * @param logEvery log progress every this many lines
 */
@ConfigurationProperties("kedja.imports")
record ImportProperties(DataSize maxFileSize, DataSize maxEntrySize, int workers, int queue, int batchSize,
		int logEvery) {

	ImportProperties {
		maxFileSize = (maxFileSize != null) ? maxFileSize : DataSize.ofMegabytes(50);
		maxEntrySize = (maxEntrySize != null) ? maxEntrySize : DataSize.ofMegabytes(200);
		workers = (workers > 0) ? workers : 1;
		queue = (queue > 0) ? queue : 4;
		batchSize = (batchSize > 0) ? batchSize : 200;
		logEvery = (logEvery > 0) ? logEvery : 10_000;
	}

}
