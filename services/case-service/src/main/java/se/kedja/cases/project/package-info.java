/**
 * A project's definition as an Axon aggregate: defining and revising it are commands, so
 * every change of sites, actors, settings and goals is on record as an event.
 */
@NullMarked
package se.kedja.cases.project;

import org.jspecify.annotations.NullMarked;
