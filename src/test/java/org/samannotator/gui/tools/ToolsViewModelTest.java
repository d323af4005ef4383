package org.samannotator.gui.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ToolsViewModelTest {
    private final ToolsViewModel tools = new ToolsViewModel();

    @Test
    void bracketsResizeTheBrushWithinItsLimits() {
        tools.setBrushRadius(4);
        tools.growBrush();
        assertEquals(5, tools.brushRadius());
        tools.setBrushRadius(100);
        tools.growBrush();
        assertEquals(125, tools.brushRadius());
        tools.shrinkBrush();
        assertEquals(100, tools.brushRadius());
        tools.setBrushRadius(1);
        tools.shrinkBrush();
        assertEquals(ToolsViewModel.MIN_RADIUS, tools.brushRadius());
        tools.setBrushRadius(10_000);
        assertEquals(ToolsViewModel.MAX_RADIUS, tools.brushRadius());
    }

    @Test
    void toolsHaveDistinctShortcutsAndOnlyBrushAndEraserPaint() {
        assertEquals(Tool.values().length, java.util.Arrays.stream(Tool.values()).map(Tool::shortcut).distinct().count());
        tools.selectTool(Tool.ERASER);
        assertEquals(Tool.ERASER, tools.tool());
        assertEquals(2, java.util.Arrays.stream(Tool.values()).filter(Tool::paints).count());
    }
}
