@NullMarked
package se.kedja.web.audit;

import org.jspecify.annotations.NullMarked;
