/**
 * A participant's case as an Axon aggregate: it decides whether a command may become an
 * event, and refuses with a {@link se.kedja.cases.participant.CaseRuleViolation}
 * otherwise. No Spring Web, JDBC or Kafka here; time and deadlines come in as handler
 * parameters.
 */
@NullMarked
package se.kedja.cases.participant;

import org.jspecify.annotations.NullMarked;
