@NullMarked
package se.kedja.cases.participant.query;

import org.jspecify.annotations.NullMarked;
