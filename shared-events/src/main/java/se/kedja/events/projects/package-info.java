/**
 * The events of a project definition: its period, sites, target groups, responsible
 * actors, settings and goals. A project is data, so a new ESF project is a definition,
 * never code.
 */
@NullMarked
package se.kedja.events.projects;

import org.jspecify.annotations.NullMarked;
