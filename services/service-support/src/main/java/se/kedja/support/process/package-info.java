@NullMarked
package se.kedja.support.process;

import org.jspecify.annotations.NullMarked;
