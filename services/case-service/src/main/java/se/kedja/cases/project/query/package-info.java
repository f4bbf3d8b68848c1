@NullMarked
package se.kedja.cases.project.query;

import org.jspecify.annotations.NullMarked;
