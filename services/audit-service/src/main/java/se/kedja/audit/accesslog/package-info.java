@NullMarked
package se.kedja.audit.accesslog;

import org.jspecify.annotations.NullMarked;
