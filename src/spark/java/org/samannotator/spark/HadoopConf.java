package org.samannotator.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration (with every {@code spark.hadoop.*} setting, e.g. S3 credentials providers)
 * carried to the executors, so they open the same file systems. {@link Configuration} is Writable, not
 * Serializable; this keeps its written form.
 */
final class HadoopConf implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] written;
    private transient Configuration configuration;

    HadoopConf(Configuration configuration) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            configuration.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.written = bytes.toByteArray();
        this.configuration = configuration;
    }

    synchronized Configuration get() {
        if (configuration == null) {
            Configuration restored = new Configuration(false);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(written))) {
                restored.readFields(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            configuration = restored;
        }
        return configuration;
    }
}
