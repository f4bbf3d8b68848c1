/**
 * Who may read what: every request of the API passes one rule, chosen by the endpoint it
 * reached; auditors see the cases of their projects only.
 */
@NullMarked
package se.kedja.audit.access;

import org.jspecify.annotations.NullMarked;
