package se.kedja.web.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A horizontal bar chart drawn on the server as SVG: one bar per value and, when there is
 * a target, a dashed outline at the target. The numbers are also in a table beside it.
 */
record Bars(int width, int height, List<Bar> bars, @Nullable Double targetX) {

	static final int LABEL = 140;

	static final int PLOT = 360;

	static final int ROW = 28;

	record Bar(String label, double value, double y, double width) {
	}

	static Bars of(List<Map.Entry<String, Double>> values, @Nullable Double target) {
		double max = Math.max(1, values.stream().mapToDouble(Map.Entry::getValue).max().orElse(0));
		if (target != null) {
			max = Math.max(max, target);
		}
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			Map.Entry<String, Double> value = values.get(i);
			bars.add(new Bar(value.getKey(), value.getValue(), i * ROW + 4, PLOT * value.getValue() / max));
		}
		Double targetX = (target != null) ? LABEL + PLOT * target / max : null;
		return new Bars(LABEL + PLOT + 60, Math.max(1, values.size()) * ROW + 8, bars, targetX);
	}

	public int labelWidth() {
		return LABEL;
	}

}
