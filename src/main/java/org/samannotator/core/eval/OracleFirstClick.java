package org.samannotator.core.eval;

/**
 * After the first click: the IoU of the decoder's chosen mask and the best IoU among all its candidates
 * (chosen + alternatives), with the mask token index (0-3) of each. The best is an upper bound of what a
 * perfect "pick the right candidate" step would give at click 1.
 */
public record OracleFirstClick(double chosenIou, int chosenTokenIndex, double bestIou, int bestTokenIndex) {
}
