/**
 * Who may see which figures: every request of the API passes one rule, chosen by the
 * endpoint it reached.
 */
@NullMarked
package se.kedja.progress.access;

import org.jspecify.annotations.NullMarked;
