package org.samannotator.core.model;

/** One ONNX file of a model: its file name inside the models directory, SHA-256 (hex) and size in bytes. */
public record ModelFileSpec(String file, String sha256, long size) {
}
