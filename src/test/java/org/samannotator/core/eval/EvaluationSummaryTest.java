package org.samannotator.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;

class EvaluationSummaryTest {
    private static final EvaluationSettings FIVE_CLICKS = new EvaluationSettings(5, true, false, 0);

    private static ImageResult result(String name, double encoderMs, double... ious) {
        List<Double> predict = new ArrayList<>();
        for (int i = 0; i < ious.length; i++) {
            predict.add(10.0 + i);
        }
        return new ImageResult(name, new Size(4, 3), new IouCurve(ious), List.of(), encoderMs, predict,
                predict.stream().map(ms -> ms / 2).toList(), Optional.empty());
    }

    @Test
    void numberOfClicksIsFirstClickReachingThresholdOrMax() {
        IouCurve curve = new IouCurve(new double[] {0.5, 0.86, 0.84, 0.9, 0.95});
        assertEquals(2, curve.numberOfClicks(0.85));
        assertEquals(4, curve.numberOfClicks(0.90));
        assertEquals(5, curve.numberOfClicks(0.99));
        assertFalse(curve.reaches(0.99));
        assertEquals(1, curve.numberOfClicks(0.5), "reaching the threshold exactly counts");
    }

    @Test
    void aggregatesMiouNocAndFailures() {
        List<ImageResult> results = List.of(
                result("a", 100, 0.90, 0.91, 0.92, 0.93, 0.94),
                result("b", 300, 0.10, 0.50, 0.86, 0.87, 0.88),
                result("c", 200, 0.20, 0.30, 0.40, 0.50, 0.95));
        EvaluationSummary summary = EvaluationSummary.of("m", FIVE_CLICKS, results);
        assertEquals(3, summary.images());
        assertEquals((0.90 + 0.10 + 0.20) / 3, summary.miouAt(1).orElseThrow(), 1e-12);
        assertEquals((0.92 + 0.86 + 0.40) / 3, summary.miouAt(3).orElseThrow(), 1e-12);
        assertEquals((0.94 + 0.88 + 0.95) / 3, summary.miouAt(5).orElseThrow(), 1e-12);
        assertEquals((1 + 3 + 5) / 3.0, summary.noc85(), 1e-12);
        assertEquals((1 + 5 + 5) / 3.0, summary.noc90(), 1e-12);
        assertEquals(1, summary.failed90(), "b never reaches 0.90; c reaches it at the last click");
        assertEquals(0, summary.failed85());
        assertEquals(200, summary.encoderMsMedian(), 1e-12);
        assertEquals(12, summary.decoderMsMedian(), 1e-12);
        assertEquals(6, summary.decoderOnnxMsMedian(), 1e-12);
    }

    @Test
    void jsonHasTheRequiredKeys() throws Exception {
        EvaluationSummary summary = EvaluationSummary.of("m", FIVE_CLICKS,
                List.of(result("a", 100, 0.90, 0.91, 0.92, 0.93, 0.94)));
        JsonNode json = new ObjectMapper().readTree(EvaluationReports.toJsonText(summary.toJson()));
        for (String key : List.of("images", "miou", "noc85", "noc90", "failed90", "encoder_ms_median",
                "decoder_ms_median", "max_clicks", "mask_input", "model", "miou_per_click")) {
            assertTrue(json.has(key), key);
        }
        assertEquals(List.of("1", "3", "5"), iterate(json.get("miou").fieldNames()));
        assertEquals(0.92, json.get("miou").get("3").asDouble(), 1e-12);
        assertEquals(1, json.get("images").asInt());
        assertEquals(5, json.get("miou_per_click").size());
        assertFalse(json.has("miou1_oracle"));
    }

    @Test
    void miouBeyondMaxClicksIsNull() {
        EvaluationSettings three = new EvaluationSettings(3, false, false, 0);
        EvaluationSummary summary = EvaluationSummary.of("m", three, List.of(result("a", 1, 0.1, 0.2, 0.3)));
        @SuppressWarnings("unchecked")
        Map<String, Object> miou = (Map<String, Object>) summary.toJson().get("miou");
        assertNull(miou.get("5"));
        assertTrue(miou.containsKey("5"));
        assertEquals(false, summary.toJson().get("mask_input"));
    }

    @Test
    void oracleCountsTokenWins() {
        EvaluationSettings oracle = new EvaluationSettings(1, true, true, 0);
        List<ImageResult> results = List.of(
                withOracle("a", new OracleFirstClick(0.5, 0, 0.9, 2)),
                withOracle("b", new OracleFirstClick(0.7, 0, 0.7, 0)),
                withOracle("c", new OracleFirstClick(0.2, 1, 0.8, 2)));
        Map<String, Object> json = EvaluationSummary.of("m", oracle, results).toJson();
        assertEquals((0.9 + 0.7 + 0.8) / 3, (double) json.get("miou1_oracle"), 1e-12);
        assertEquals(Map.of("0", 1, "2", 2), json.get("oracle_token_wins"));
        assertEquals(Map.of("0", 2, "1", 1), json.get("chosen_token_counts"));
    }

    @Test
    void rejectsMismatchedCurvesAndEmptyInput() {
        assertThrows(IllegalArgumentException.class, () -> EvaluationSummary.of("m", FIVE_CLICKS, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> EvaluationSummary.of("m", FIVE_CLICKS, List.of(result("a", 1, 0.5, 0.6))));
    }

    @Test
    void csvHasOneRowPerImage() {
        String csv = EvaluationReports.toCsv(List.of(result("a,b", 1, 0.5, 0.9, 0.95)), 3);
        String[] lines = csv.split("\n");
        assertEquals("name,width,height,iou@1,iou@2,iou@3,noc85,noc90", lines[0]);
        assertEquals("\"a,b\",4,3,0.500000,0.900000,0.950000,2,2", lines[1]);
        assertEquals(2, lines.length);
    }

    @Test
    void percentilesInterpolateBetweenRanks() {
        double[] values = new double[101];
        for (int i = 0; i <= 100; i++) {
            values[i] = 100 - i;
        }
        LatencyStats stats = LatencyStats.of(values);
        assertEquals(50, stats.median(), 1e-12);
        assertEquals(95, stats.p95(), 1e-12);
        assertEquals(99, stats.p99(), 1e-12);
        assertEquals(2.5, LatencyStats.percentile(new double[] {1, 2, 3, 4}, 50), 1e-12);
        assertArrayEquals(new double[] {0, 100}, new double[] {stats.min(), stats.max()}, 1e-12);
    }

    private static ImageResult withOracle(String name, OracleFirstClick oracle) {
        return new ImageResult(name, new Size(2, 2), new IouCurve(new double[] {oracle.chosenIou()}), List.of(), 1,
                List.of(1.0), List.of(0.5), Optional.of(oracle));
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
