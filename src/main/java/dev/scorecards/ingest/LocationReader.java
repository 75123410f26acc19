package dev.scorecards.ingest;

import dev.scorecards.errors.ServiceError;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads location targets, and only those it may: {@code file} targets under the configured root
 * folders (after resolving {@code ..} and symbolic links), {@code url} targets on allow-listed hosts
 * over http(s), redirects checked against the same list. Nothing else is ever fetched.
 */
@ApplicationScoped
public class LocationReader {
    private static final int MAX_REDIRECTS = 3;

    @Inject
    IngestConfig.Ingest ingestConfig;
    @Inject
    IngestConfig.Locations locationsConfig;

    private final List<Path> roots = new ArrayList<>();
    private HttpClient http;

    @PostConstruct
    void init() {
        for (String root : locationsConfig.fileRoots()) {
            Path p = Path.of(root).toAbsolutePath().normalize();
            try {
                roots.add(p.toRealPath());
            } catch (IOException e) {
                roots.add(p);
            }
        }
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(locationsConfig.readTimeout()).build();
    }

    /** The canonical form of a target as given at registration: file paths made absolute. */
    public String normalise(String type, String target) {
        if (type.equals("file")) {
            return Path.of(target).toAbsolutePath().normalize().toString();
        }
        return target;
    }

    /** Fails with a 400 unless the target may be read. */
    public void checkAllowed(String type, String target) {
        switch (type) {
            case "file" -> fileUnderRoot(target);
            case "url" -> allowedUrl(target);
            default -> throw ServiceError.input(
                    "Registered locations must be of an allowed type [\"file\",\"url\"], got '" + type + "'");
        }
    }

    /** A target relative to the file {@code base} (of the same type) made absolute; absolute ones unchanged. */
    public String resolve(String type, String base, String target) {
        if (type.equals("file")) {
            Path t = Path.of(target);
            if (t.isAbsolute() || base == null) {
                return t.toAbsolutePath().normalize().toString();
            }
            Path dir = Path.of(base).getParent();
            return (dir == null ? t : dir.resolve(t)).toAbsolutePath().normalize().toString();
        }
        if (base == null) {
            return target;
        }
        try {
            return URI.create(base).resolve(target).toString();
        } catch (IllegalArgumentException e) {
            throw ServiceError.input("Invalid url target " + target + ": " + e.getMessage());
        }
    }

    /** Reads a target as text, within the body limit. */
    public String read(String type, String target) {
        checkAllowed(type, target);
        long limit = ingestConfig.maxBodyBytes();
        if (type.equals("file")) {
            Path path = fileUnderRoot(target);
            try (InputStream in = new LimitedInputStream(Files.newInputStream(path), limit, "file " + target)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new LocationMissing("NotFoundError: " + target + " does not exist");
            } catch (IOException e) {
                throw ServiceError.input("Could not read " + target + ": " + e.getMessage());
            }
        }
        return fetch(URI.create(target), limit, 0);
    }

    private String fetch(URI uri, long limit, int redirects) {
        allowedUrl(uri.toString());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(locationsConfig.readTimeout()).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            try (InputStream body = new LimitedInputStream(response.body(), limit, "url " + uri)) {
                if (status >= 300 && status < 400 && response.headers().firstValue("location").isPresent()) {
                    if (redirects >= MAX_REDIRECTS) {
                        throw ServiceError.input("Too many redirects reading " + uri);
                    }
                    return fetch(uri.resolve(response.headers().firstValue("location").get()), limit, redirects + 1);
                }
                if (status == 404) {
                    throw new LocationMissing("NotFoundError: " + uri + " could not be found (404)");
                }
                if (status < 200 || status >= 300) {
                    throw ServiceError.input("Reading " + uri + " failed with HTTP " + status);
                }
                return new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw ServiceError.input("Could not read " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceError.unavailable("Interrupted while reading " + uri);
        }
    }

    private Path fileUnderRoot(String target) {
        Path path = Path.of(target).toAbsolutePath().normalize();
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            real = path;
        }
        for (Path root : roots) {
            if (real.startsWith(root)) {
                return real;
            }
        }
        throw ServiceError.input("File location " + target + " is outside the allowed folders " + roots
                + " (scorecards.locations.file-roots)");
    }

    private void allowedUrl(String target) {
        URI uri;
        try {
            uri = URI.create(target);
        } catch (IllegalArgumentException e) {
            throw ServiceError.input("Invalid url target " + target);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw ServiceError.input("Url location " + target + " must be an absolute http(s) URL");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (String allowed : locationsConfig.allowedHosts().orElse(List.of())) {
            String a = allowed.trim().toLowerCase(Locale.ROOT);
            if (a.equals(host) || (a.startsWith("*.") && host.endsWith(a.substring(1)))) {
                return;
            }
        }
        throw ServiceError.input("Url location " + target + " is on host " + host
                + ", which is not in the allow-list (scorecards.locations.allowed-hosts)");
    }
}
