/**
 * Goal progress as of any day for people outside Kedja: CSV, an XLSX workbook and a
 * printable summary page for a steering group.
 */
@NullMarked
package se.kedja.progress.exports;

import org.jspecify.annotations.NullMarked;
