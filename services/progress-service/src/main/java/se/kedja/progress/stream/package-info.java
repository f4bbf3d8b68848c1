@NullMarked
package se.kedja.progress.stream;

import org.jspecify.annotations.NullMarked;
