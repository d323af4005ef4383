package org.samannotator.core.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.samannotator.core.annotation.ProjectChange;

/** The listeners of one session and the fan-out of its changes (session thread only). */
final class SessionEvents {
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

    void add(SessionListener listener) {
        listeners.add(listener);
    }

    void fire(SessionChange change) {
        listeners.forEach(l -> l.sessionChanged(change));
    }

    void fire(ProjectChange change) {
        listeners.forEach(l -> l.projectChanged(change));
    }
}
