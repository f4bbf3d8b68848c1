@NullMarked
package se.kedja.web.clients;

import org.jspecify.annotations.NullMarked;
