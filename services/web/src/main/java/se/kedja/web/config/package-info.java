@NullMarked
package se.kedja.web.config;

import org.jspecify.annotations.NullMarked;
