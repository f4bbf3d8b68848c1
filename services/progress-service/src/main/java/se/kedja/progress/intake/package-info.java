@NullMarked
package se.kedja.progress.intake;

import org.jspecify.annotations.NullMarked;
