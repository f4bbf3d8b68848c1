/**
 * The JSON form of events: one configured mapper, the registry of logical type names, the
 * upcasters that read older schema versions, and the hash chain.
 */
@NullMarked
package se.kedja.events.json;

import org.jspecify.annotations.NullMarked;
