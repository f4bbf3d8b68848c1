package se.kedja.demo.generate;

import java.util.Map;

/**
 * Names of the municipalities the generator uses, by SCB code, for organisations' names.
 */
final class Municipalities {

	private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("2506", "Arjeplog"),
			Map.entry("2510", "Jokkmokk"), Map.entry("2584", "Kiruna"), Map.entry("2481", "Lycksele"),
			Map.entry("2462", "Vilhelmina"), Map.entry("2421", "Storuman"), Map.entry("2305", "Bräcke"),
			Map.entry("2309", "Krokom"), Map.entry("2313", "Strömsund"), Map.entry("2161", "Ljusdal"),
			Map.entry("2121", "Ovanåker"), Map.entry("2184", "Hudiksvall"), Map.entry("1737", "Torsby"),
			Map.entry("1784", "Arvika"), Map.entry("1460", "Bengtsfors"), Map.entry("1438", "Dals-Ed"),
			Map.entry("1435", "Tanum"), Map.entry("1470", "Vara"), Map.entry("2039", "Älvdalen"),
			Map.entry("2023", "Malung-Sälen"), Map.entry("2031", "Rättvik"), Map.entry("1962", "Norberg"),
			Map.entry("1863", "Hällefors"), Map.entry("1882", "Askersund"), Map.entry("1273", "Osby"),
			Map.entry("1256", "Östra Göinge"), Map.entry("1270", "Tomelilla"), Map.entry("1060", "Olofström"),
			Map.entry("0763", "Tingsryd"), Map.entry("1315", "Hylte"), Map.entry("0512", "Ydre"),
			Map.entry("0604", "Aneby"), Map.entry("0821", "Högsby"), Map.entry("0884", "Vimmerby"),
			Map.entry("0980", "Gotland"), Map.entry("0563", "Valdemarsvik"));

	private Municipalities() {
	}

	static String name(String code) {
		return NAMES.getOrDefault(code, code);
	}

}
