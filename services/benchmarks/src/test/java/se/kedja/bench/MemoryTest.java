package se.kedja.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryTest {

	private static final long SELF = ProcessHandle.current().pid();

	@Test
	void aProcessesProportionalShareIsSomeOfItsResidentPages() {
		long resident = Memory.residentKiB(SELF);
		long proportional = Memory.proportionalKiB(SELF);
		assertThat(resident).isPositive();
		assertThat(proportional).isPositive().isLessThanOrEqualTo(resident);
	}

	@Test
	void pagesTheProcessTouchesShowInBothFigures() {
		long before = Memory.proportionalKiB(SELF);
		List<byte[]> held = new ArrayList<>();
		for (int i = 0; i < 64; i++) {
			byte[] block = new byte[1 << 20];
			for (int at = 0; at < block.length; at += 4096) {
				block[at] = 1;
			}
			held.add(block);
		}
		assertThat(Memory.proportionalKiB(SELF)).as("PSS after touching 64 MiB of new heap")
			.isGreaterThan(before + 32 * 1024);
		assertThat(held).hasSize(64);
	}

	@Test
	void aProcessThatIsGoneReadsAsNothing() {
		assertThat(Memory.residentKiB(Long.MAX_VALUE)).isZero();
		assertThat(Memory.proportionalKiB(Long.MAX_VALUE)).isZero();
	}

	@Test
	void theMarkdownTableShowsEachProcessWithBothFigures() {
		Map<String, Object> reading = Map.of("pss", Map.of("kafka", 300.0, "total", 300.0), "rss",
				Map.of("kafka", 350.0, "total", 350.0));
		Map<String, Object> report = Map.of("machine", Map.of("loadAverageAtStart", "0.02 0.10 0.20"), "resources",
				Map.of("idle", reading, "afterLoad", reading, "peak", reading));
		String markdown = Markdown.of(report, List.of());
		assertThat(markdown).contains("| kafka | 300 (350) | 300 (350) | 300 (350) |");
		assertThat(markdown).contains("otherwise idle").doesNotContain("Other work was running");
	}

	@Test
	void aLoadAverageOfHalfACoreOrMoreIsOtherWork() {
		assertThat(Markdown.busy("0.49 3.00 3.00")).isFalse();
		assertThat(Markdown.busy("0.50 0.00 0.00")).isTrue();
		assertThat(Markdown.busy("?")).isTrue();
	}

}
