@NullMarked
package se.kedja.progress.rebuild;

import org.jspecify.annotations.NullMarked;
