/**
 * The commands of a participant's case. Public, since the web layer and importers send
 * them through Axon's {@code CommandGateway}. Where a rule needs the project's terms (its
 * period, plan-due days, post-exit follow-up days), the sender fills them in from the
 * project read model: the case aggregate does not read other aggregates.
 */
@NullMarked
package se.kedja.cases.participant.command;

import org.jspecify.annotations.NullMarked;
