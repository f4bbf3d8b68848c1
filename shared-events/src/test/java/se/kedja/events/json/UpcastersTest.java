package se.kedja.events.json;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpcastersTest {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final Upcaster addsCountry = new Upcaster("site-opened", 1, 2, (payload) -> {
		((ObjectNode) payload).put("country", "SE");
		return payload;
	});

	private final Upcaster renamesTown = new Upcaster("site-opened", 2, 3, (payload) -> {
		ObjectNode node = (ObjectNode) payload;
		node.set("municipality", node.remove("town"));
		return node;
	});

	private final Upcasters upcasters = new Upcasters(List.of(this.renamesTown, this.addsCountry));

	@Test
	void an_old_payload_runs_through_every_step_in_order() {
		JsonNode upcast = this.upcasters.upcast("site-opened", 1, 3, NODES.objectNode().put("town", "Kinda"));
		assertThat(upcast).isEqualTo(NODES.objectNode().put("country", "SE").put("municipality", "Kinda"));
	}

	@Test
	void a_payload_at_the_target_version_is_left_alone() {
		ObjectNode current = NODES.objectNode().put("municipality", "Kinda");
		assertThat(this.upcasters.upcast("site-opened", 3, 3, current)).isSameAs(current);
	}

	@Test
	void the_original_payload_is_not_changed() {
		ObjectNode original = NODES.objectNode().put("town", "Kinda");
		this.upcasters.upcast("site-opened", 1, 3, original);
		assertThat(original).isEqualTo(NODES.objectNode().put("town", "Kinda"));
	}

	@Test
	void a_gap_in_the_chain_is_refused() {
		Upcasters gap = new Upcasters(List.of(this.renamesTown));
		assertThatThrownBy(() -> gap.upcast("site-opened", 1, 3, NODES.objectNode()))
			.isInstanceOf(EventFormatException.class);
	}

	@Test
	void two_upcasters_from_the_same_version_are_refused() {
		assertThatThrownBy(() -> new Upcasters(List.of(this.addsCountry, this.addsCountry)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void the_standard_upcasters_read_every_current_version_as_it_is() {
		EventJson json = new EventJson();
		JsonNode payload = NODES.objectNode().put("participantId", "x");
		assertThat(json.typeNames()).allSatisfy((type) -> assertThat(Upcasters.standard()
			.upcast(type, json.currentVersion(json.typeOf(type)), json.currentVersion(json.typeOf(type)), payload))
			.isSameAs(payload));
	}

}
