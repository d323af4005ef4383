package org.samannotator.gui.main;

import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.samannotator.gui.canvas.CanvasView;
import org.samannotator.gui.tools.Tool;
import org.samannotator.gui.tools.ToolsViewModel;

/**
 * Single-key shortcuts without modifiers (tools, categories, Enter/Esc/Tab, navigation), handled by a scene
 * filter unless a text field has the focus. Modifier shortcuts are menu accelerators ({@link MainMenu}).
 */
final class KeyBindings implements EventHandler<KeyEvent> {
    private final MainViewModel vm;
    private final CanvasView canvasView;

    KeyBindings(MainViewModel vm, CanvasView canvasView) {
        this.vm = vm;
        this.canvasView = canvasView;
    }

    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                canvasView.setSpaceDown(false);
            }
        });
    }

    @Override
    public void handle(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            if (e.getCode() == KeyCode.ESCAPE && e.getTarget() instanceof TextInputControl) {
                canvasView.requestFocus();
            }
            return;
        }
        if (handleKey(e.getCode(), e.isShiftDown())) {
            e.consume();
        }
    }

    private boolean handleKey(KeyCode code, boolean shift) {
        ToolsViewModel tools = vm.tools();
        if (code.isDigitKey() && code != KeyCode.DIGIT0 && code != KeyCode.NUMPAD0) {
            String name = code.getName();
            vm.categories().selectNumber(name.charAt(name.length() - 1) - '0');
            return true;
        }
        switch (code) {
            case ENTER -> vm.accept();
            case ESCAPE -> vm.discard();
            case TAB -> vm.cycleAlternative();
            case P -> tools.selectTool(Tool.POINT);
            case B -> tools.selectTool(Tool.BOX);
            case R -> tools.selectTool(Tool.BRUSH);
            case E -> tools.selectTool(Tool.ERASER);
            case OPEN_BRACKET -> tools.shrinkBrush();
            case CLOSE_BRACKET -> tools.growBrush();
            case D, PAGE_DOWN -> vm.nextImage(1);
            case A, PAGE_UP -> vm.nextImage(-1);
            case S -> vm.cycleCurrentStatus();
            case F -> canvasView.fitToWindow();
            case PLUS, EQUALS, ADD -> canvasView.zoom(1.25);
            case MINUS, SUBTRACT -> canvasView.zoom(0.8);
            case M -> tools.showMasksProperty().set(!tools.showMasksProperty().get());
            case H -> tools.hoverPreviewProperty().set(!tools.hoverPreviewProperty().get());
            case C -> tools.colourByInstanceProperty().set(!tools.colourByInstanceProperty().get());
            case DELETE, BACK_SPACE -> vm.objects().deleteSelected();
            case SPACE -> canvasView.setSpaceDown(true);
            case Y -> {
                if (shift) {
                    vm.objects().acceptAllSuggestions();
                } else {
                    vm.objects().acceptSuggestion();
                }
            }
            case X -> {
                if (shift) {
                    vm.objects().rejectAllSuggestions();
                } else {
                    vm.objects().rejectSuggestion();
                }
            }
            case N -> vm.objects().nextSuggestion(shift ? -1 : 1);
            default -> {
                return false;
            }
        }
        return true;
    }
}
