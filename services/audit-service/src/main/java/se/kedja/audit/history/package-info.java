@NullMarked
package se.kedja.audit.history;

import org.jspecify.annotations.NullMarked;
