/**
 * The events of a participant's case, one sealed hierarchy.
 * <p>
 * Events carry no direct identifiers and no free text about the person: names, identity
 * numbers, notes and the wording of plan goals live only in case-service, encrypted per
 * participant, so that erasing a person leaves these events and every statistic intact.
 */
@NullMarked
package se.kedja.events.cases;

import org.jspecify.annotations.NullMarked;
