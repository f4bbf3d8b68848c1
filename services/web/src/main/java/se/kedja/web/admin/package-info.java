@NullMarked
package se.kedja.web.admin;

import org.jspecify.annotations.NullMarked;
