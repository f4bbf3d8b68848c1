@NullMarked
package se.kedja.audit.replay;

import org.jspecify.annotations.NullMarked;
