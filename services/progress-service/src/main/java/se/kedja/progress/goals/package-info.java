@NullMarked
package se.kedja.progress.goals;

import org.jspecify.annotations.NullMarked;
