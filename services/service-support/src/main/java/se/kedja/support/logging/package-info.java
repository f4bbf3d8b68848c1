/**
 * Defence in depth for the logs: whatever a log statement formats, personal identity
 * numbers and bearer tokens are masked before they are written.
 */
@NullMarked
package se.kedja.support.logging;

import org.jspecify.annotations.NullMarked;
