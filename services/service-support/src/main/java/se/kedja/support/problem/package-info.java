@NullMarked
package se.kedja.support.problem;

import org.jspecify.annotations.NullMarked;
