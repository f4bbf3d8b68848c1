package se.kedja.cases.participant;

import java.time.LocalDate;

/** The deadline for agreeing a plan: the last day it may be agreed on. */
record PlanDue(LocalDate dueOn) {

	static final String DEADLINE = "plan-due";

}
