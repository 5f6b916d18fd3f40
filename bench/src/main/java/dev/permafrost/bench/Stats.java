package dev.permafrost.bench;

import java.util.List;

/** Medians and a compact spread for printing. */
final class Stats {

    private Stats() {
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String spread(List<Double> values) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format("%.0f..%.0f", min, max);
    }

    /** Each round's ratio {@code a[i] / b[i]}, for a note: "per round 0.31, 0.35, 0.40". */
    static String perRound(List<Double> a, List<Double> b) {
        StringBuilder text = new StringBuilder("per round ");
        for (int i = 0; i < a.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(String.format("%.3f", a.get(i) / b.get(i)));
        }
        return text.toString();
    }
}
