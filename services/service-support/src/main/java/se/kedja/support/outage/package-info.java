/**
 * A database that cannot be reached is an outage, not a bug: requests get a 503 problem
 * with {@code Retry-After}, consumers wait and retry instead of dead-lettering.
 */
@NullMarked
package se.kedja.support.outage;

import org.jspecify.annotations.NullMarked;
