@NullMarked
package se.kedja.cases.participant.web;

import org.jspecify.annotations.NullMarked;
