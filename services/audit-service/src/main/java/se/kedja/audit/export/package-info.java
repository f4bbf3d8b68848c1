@NullMarked
package se.kedja.audit.export;

import org.jspecify.annotations.NullMarked;
