/**
 * Bulk import: a file of commands (CSV, XLSX or NDJSON) recorded line by line through the
 * same request records, validation and aggregate rules as the coach's API, as a
 * background job with a report, idempotent per line and revertible.
 */
@NullMarked
package se.kedja.cases.imports;

import org.jspecify.annotations.NullMarked;
