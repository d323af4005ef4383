package org.samannotator.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The "https" source: downloads the encoder and decoder from their URLs with {@link HttpClient} (redirects
 * followed), reporting progress as bytes of the manifest size, verifying each file before it is installed.
 */
public final class HttpsFetcher implements ModelSourceFetcher {
    private static final String USER_AGENT = "sam-annotator model fetcher";

    private final HttpClient client;
    private final Duration responseTimeout;

    /**
     * @param client the HTTP client to use
     * @param responseTimeout how long to wait for the response headers of each file
     */
    public HttpsFetcher(HttpClient client, Duration responseTimeout) {
        this.client = client;
        this.responseTimeout = responseTimeout;
    }

    /** A client following redirects, 30 s connect timeout, 2 min to the first response bytes. */
    public static HttpsFetcher defaults() {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        return new HttpsFetcher(client, Duration.ofMinutes(2));
    }

    @Override
    public void fetch(ModelEntry entry, ModelSource source, List<ModelFileSpec> remaining, Path modelsDir,
            FetchProgressListener listener) throws IOException {
        for (ModelFileSpec spec : new ArrayList<>(remaining)) {
            String url = spec.equals(entry.encoder()) ? source.encoderUrl() : source.decoderUrl();
            download(URI.create(url), spec, modelsDir, listener);
            remaining.remove(spec);
        }
    }

    @Override
    public String describe(ModelSource source) {
        return "https " + URI.create(source.encoderUrl()).getHost();
    }

    private void download(URI uri, ModelFileSpec spec, Path modelsDir, FetchProgressListener listener)
            throws IOException {
        String phase = "downloading " + spec.file();
        listener.onProgress(0, spec.size(), phase);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(responseTimeout)
                .header("User-Agent", USER_AGENT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download of " + uri + " was interrupted");
        } catch (IOException e) {
            throw new IOException("GET " + uri + " failed: " + ModelFetcher.reason(e), e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
            }
            VerifiedFileWriter.install(body, spec, modelsDir, listener, phase);
        }
    }
}
