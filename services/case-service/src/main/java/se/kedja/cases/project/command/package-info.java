/**
 * The commands on a project's definition, sent by the project file loader and the admin
 * pages.
 */
@NullMarked
package se.kedja.cases.project.command;

import org.jspecify.annotations.NullMarked;
