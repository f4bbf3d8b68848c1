@NullMarked
package se.kedja.web.dashboard;

import org.jspecify.annotations.NullMarked;
