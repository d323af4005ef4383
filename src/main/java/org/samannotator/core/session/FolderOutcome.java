package org.samannotator.core.session;

import java.util.Optional;

/** The outcome of {@link AnnotationSession#openFolder}: whether it opened, and a message the user must see, if any. */
public record FolderOutcome(boolean opened, Optional<String> alert) {
}
