package org.samannotator.gui.engine;

import org.samannotator.core.sam.SamPredictor;

/** Opens the predictor; called once, on the model worker thread (loading takes a second or two). */
@FunctionalInterface
public interface PredictorSource {
    SamPredictor open() throws Exception;
}
