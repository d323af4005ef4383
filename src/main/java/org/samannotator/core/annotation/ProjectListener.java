package org.samannotator.core.annotation;

/** Told about every change of an {@link AnnotationProject}, on the thread that made it. */
@FunctionalInterface
public interface ProjectListener {
    void projectChanged(ProjectChange change);
}
