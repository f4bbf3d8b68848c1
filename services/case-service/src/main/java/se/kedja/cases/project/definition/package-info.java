@NullMarked
package se.kedja.cases.project.definition;

import org.jspecify.annotations.NullMarked;
