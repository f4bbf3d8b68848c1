@NullMarked
package se.kedja.progress.alerts;

import org.jspecify.annotations.NullMarked;
