package se.kedja.cases.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The case cache tells its entry listeners what happens to its entries. */
class CaseCacheListenersTest {

	@Test
	void listeners_hear_of_entries_created_updated_read_removed_and_evicted_until_cancelled() {
		CaseCache cache = new CaseCache(1, Duration.ofMinutes(10));
		List<String> heard = new ArrayList<>();
		Registration registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {

			@Override
			public void onEntryCreated(Object key, Object value) {
				heard.add("created " + key + "=" + value);
			}

			@Override
			public void onEntryUpdated(Object key, Object value) {
				heard.add("updated " + key + "=" + value);
			}

			@Override
			public void onEntryRead(Object key, Object value) {
				heard.add("read " + key + "=" + value);
			}

			@Override
			public void onEntryRemoved(Object key) {
				heard.add("removed " + key);
			}

			@Override
			public void onEntryExpired(Object key) {
				heard.add("expired " + key);
			}

		});

		cache.put("a", 1);
		cache.put("a", 2);
		assertThat((Integer) cache.get("a")).isEqualTo(2);
		assertThat(cache.putIfAbsent("a", 3)).isFalse();
		assertThat(cache.remove("a")).isTrue();
		assertThat(cache.remove("a")).isFalse();
		assertThat(heard).containsExactly("created a=1", "updated a=2", "read a=2", "removed a");

		heard.clear();
		cache.put("b", 1);
		cache.put("c", 1);
		// room for one: one of the two is evicted (Caffeine's admission chooses which)
		// (the eviction is told during the put that caused it)
		assertThat(heard).hasSize(3).contains("created b=1", "created c=1");
		assertThat(heard).filteredOn((event) -> event.startsWith("expired"))
			.singleElement()
			.isIn("expired b", "expired c");

		heard.clear();
		assertThat(registration.cancel()).isTrue();
		cache.put("d", 1);
		cache.removeAll();
		assertThat(heard).isEmpty();
		assertThat(cache.containsKey("d")).isFalse();
	}

}
