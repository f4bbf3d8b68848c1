@NullMarked
package se.kedja.identity.config;

import org.jspecify.annotations.NullMarked;
