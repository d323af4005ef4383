package org.samannotator.core.eval;

import java.util.Map;
import org.samannotator.core.refine.CandidateRule;

/**
 * After the first click: the IoU of the shown mask and the best IoU among all its candidates (shown +
 * alternatives), with the mask token index (0-3) of each. The best is an upper bound of what a perfect
 * "pick the right candidate" step would give at click 1. {@code iouByRule}: the IoU of the candidate each
 * {@link CandidateRule} picks on the same decode (empty when not computed).
 */
public record OracleFirstClick(double chosenIou, int chosenTokenIndex, double bestIou, int bestTokenIndex,
        Map<CandidateRule, Double> iouByRule) {
    public OracleFirstClick {
        iouByRule = Map.copyOf(iouByRule);
    }

    public OracleFirstClick(double chosenIou, int chosenTokenIndex, double bestIou, int bestTokenIndex) {
        this(chosenIou, chosenTokenIndex, bestIou, bestTokenIndex, Map.of());
    }
}
