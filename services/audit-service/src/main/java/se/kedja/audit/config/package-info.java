@NullMarked
package se.kedja.audit.config;

import org.jspecify.annotations.NullMarked;
