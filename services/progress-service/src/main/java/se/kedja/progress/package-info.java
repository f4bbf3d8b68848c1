@NullMarked
package se.kedja.progress;

import org.jspecify.annotations.NullMarked;
