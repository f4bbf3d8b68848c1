package se.kedja.demo.generate;

import java.util.List;

/**
 * Fictional people's names: common Swedish given names and surnames, and names common
 * among people who came to Sweden from Syria, Somalia, Eritrea, Iraq and Afghanistan,
 * combined at random. None is taken from the seed documents' contact persons.
 */
final class Names {

	static final List<String> WOMEN = List.of("Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin", "Emma",
			"Ingrid", "Malin", "Linnea", "Sofia", "Elin", "Ida", "Hanna", "Birgitta", "Marie", "Johanna", "Frida",
			"Annika", "Susanne", "Helena", "Petra", "Jenny", "Therese", "Maja", "Agneta", "Elsa", "Astrid", "Klara");

	static final List<String> MEN = List.of("Lars", "Anders", "Per", "Erik", "Karl", "Mikael", "Peter", "Jan", "Thomas",
			"Daniel", "Fredrik", "Hans", "Stefan", "Mattias", "Magnus", "Bengt", "Andreas", "Jonas", "Niklas", "Oskar",
			"Göran", "Björn", "Leif", "Patrik", "Ulf", "Robin", "Emil", "Viktor", "Nils", "Olof");

	static final List<String> WOMEN_ABROAD = List.of("Amina", "Fatima", "Hodan", "Samira", "Leyla", "Selam", "Nour",
			"Zahra", "Hiba", "Yasmin", "Rahel", "Maryam");

	static final List<String> MEN_ABROAD = List.of("Ahmed", "Hassan", "Abdi", "Yonas", "Omar", "Ali", "Mustafa",
			"Karim", "Tesfay", "Reza", "Bashir", "Samir");

	static final List<String> SURNAMES = List.of("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
			"Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson",
			"Jönsson", "Lindberg", "Lindström", "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg",
			"Lundgren", "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Henriksson", "Forsberg", "Sjöberg",
			"Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Holm", "Björk", "Nyström", "Holmberg", "Strand",
			"Norberg", "Sundberg", "Ek", "Hedlund", "Dahl", "Falk", "Sjögren", "Åberg");

	static final List<String> SURNAMES_ABROAD = List.of("Mohammed", "Hussein", "Ali", "Abdullahi", "Tesfaye", "Haile",
			"Rahimi", "Hosseini", "Karimi", "Osman", "Yusuf", "Al-Hassan", "Ibrahim", "Mahmoud");

	private Names() {
	}

	static String of(Dice dice, boolean female, boolean foreignBackground) {
		boolean foreignName = foreignBackground && dice.chance(0.8);
		String given = dice.pick(female ? (foreignName ? WOMEN_ABROAD : WOMEN) : (foreignName ? MEN_ABROAD : MEN));
		String surname = dice.pick(foreignName ? SURNAMES_ABROAD : SURNAMES);
		return given + " " + surname;
	}

}
