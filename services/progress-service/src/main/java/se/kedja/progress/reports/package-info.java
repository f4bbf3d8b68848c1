/**
 * The funder's monthly participant report (SCB): produced once a month and kept byte for
 * byte, recomputed as corrected today, the differences between the two and the months
 * that must be sent again.
 */
@NullMarked
package se.kedja.progress.reports;

import org.jspecify.annotations.NullMarked;
