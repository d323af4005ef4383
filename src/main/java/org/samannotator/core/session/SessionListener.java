package org.samannotator.core.session;

import org.samannotator.core.annotation.ProjectChange;

/** Told about the changes of an {@link AnnotationSession}, on the session's thread. */
public interface SessionListener {
    /** Something of the session's own state changed. */
    default void sessionChanged(SessionChange change) {
    }

    /** The open project changed (images, categories, saved data); see {@link ProjectChange}. */
    default void projectChanged(ProjectChange change) {
    }
}
