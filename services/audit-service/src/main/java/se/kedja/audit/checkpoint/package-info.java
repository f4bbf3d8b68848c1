@NullMarked
package se.kedja.audit.checkpoint;

import org.jspecify.annotations.NullMarked;
