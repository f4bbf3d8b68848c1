package se.kedja.demo.generate;

import java.time.LocalDate;

/** A fictional person: gender, birth date, name and a test personal identity number. */
record People(String gender, LocalDate birthDate, String name, String personnummer) {

	/**
	 * Birth dates spread over the days of the year by the participant's number, so that
	 * two participants of a project share a personnummer only beyond 3,650 participants.
	 */
	static People of(Dice dice, int index, String projectId, LocalDate enrolledOn, int age, double femaleShare,
			boolean foreignBackground) {
		boolean female = dice.chance(femaleShare);
		String gender = (dice.chance(0.004)) ? "OTHER" : female ? "FEMALE" : "MALE";
		int year = enrolledOn.getYear() - age;
		int dayOfYear = 1 + Math.floorMod(index / 10 * 37 + projectId.hashCode(), 365);
		LocalDate birth = LocalDate.ofYearDay(year, dayOfYear);
		if (birth.plusYears(age).isAfter(enrolledOn)) {
			birth = birth.minusYears(1);
		}
		String name = Names.of(dice, female, foreignBackground);
		return new People(gender, birth, name, TestPersonnummer.of(birth, female, index % 10));
	}

}
