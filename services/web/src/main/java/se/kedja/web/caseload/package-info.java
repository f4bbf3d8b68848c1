@NullMarked
package se.kedja.web.caseload;

import org.jspecify.annotations.NullMarked;
