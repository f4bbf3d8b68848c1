@NullMarked
package se.kedja.audit.intake;

import org.jspecify.annotations.NullMarked;
