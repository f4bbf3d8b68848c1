@NullMarked
package se.kedja.web.i18n;

import org.jspecify.annotations.NullMarked;
