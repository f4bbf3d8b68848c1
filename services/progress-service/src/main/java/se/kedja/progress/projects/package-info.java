@NullMarked
package se.kedja.progress.projects;

import org.jspecify.annotations.NullMarked;
