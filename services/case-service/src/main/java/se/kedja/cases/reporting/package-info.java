/**
 * Funder reporting on the side that holds identities: turns a report's pseudonymous
 * participant ids into personal identity numbers for an authorised caller, with the
 * funder's placeholder for protected and erased identities, and logs every request.
 */
@NullMarked
package se.kedja.cases.reporting;

import org.jspecify.annotations.NullMarked;
