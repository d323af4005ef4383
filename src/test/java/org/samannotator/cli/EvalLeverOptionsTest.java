package org.samannotator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.samannotator.core.refine.CandidateRule;
import org.samannotator.core.refine.ClickLevers;
import picocli.CommandLine;

/** How eval's lever options combine: the app's defaults, --plain, and single levers on top. */
class EvalLeverOptionsTest {
    private static ClickLevers levers(String... args) {
        EvalCommand command = new EvalCommand();
        new CommandLine(command).parseArgs(args);
        return command.levers();
    }

    @Test
    void withoutOptionsTheAppDefaults() {
        assertEquals(ClickLevers.defaults(), levers("--dataset", "d"));
    }

    @Test
    void plainTurnsEveryLeverOffAndSingleLeversBackOn() {
        assertEquals(ClickLevers.plain(), levers("--dataset", "d", "--plain"));
        ClickLevers cleanupOnly = levers("--dataset", "d", "--plain", "--cleanup", "--hole-cells", "4");
        assertEquals(new ClickLevers(CandidateRule.MODEL_IOU, false, true, 4.0, false), cleanupOnly);
        ClickLevers all = levers("--dataset", "d", "--plain", "--choice", "stability", "--multimask-all",
                "--refine-pass");
        assertEquals(new ClickLevers(CandidateRule.STABILITY, true, false, ClickLevers.DEFAULT_HOLE_CELLS, true), all);
    }

    @Test
    void noFormsTurnADefaultLeverOff() {
        ClickLevers none = levers("--dataset", "d", "--no-multimask-all", "--no-cleanup", "--no-refine-pass",
                "--choice", "model-iou");
        assertEquals(ClickLevers.plain(), none);
    }
}
