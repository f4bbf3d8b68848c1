@NullMarked
package se.kedja.web.participant;

import org.jspecify.annotations.NullMarked;
