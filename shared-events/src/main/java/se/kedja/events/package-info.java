/**
 * The published language of Kedja: identifiers and value types shared by every event, the
 * envelope events travel in, and the topic catalogue.
 */
@NullMarked
package se.kedja.events;

import org.jspecify.annotations.NullMarked;
