package dev.scorecards.ingest.location;

import dev.scorecards.errors.ServiceError;
import dev.scorecards.ingest.IngestConfig;
import dev.scorecards.ingest.UrlFetch;
import dev.scorecards.ingest.parse.LimitedInputStream;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads location targets, and only those it may: {@code file} targets under the configured root
 * folders (after resolving {@code ..} and symbolic links), {@code url} targets on allow-listed hosts
 * over http(s), redirects checked against the same list. Nothing else is ever fetched.
 */
@ApplicationScoped
public class LocationReader {
    private static final int MAX_REDIRECTS = 3;
    /** File reads, each bounded by the read timeout; a read stuck in the kernel keeps its daemon thread, not a request. */
    private static final ExecutorService FILE_READS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "location-file-read");
        t.setDaemon(true);
        return t;
    });

    private final IngestConfig.Ingest ingestConfig;
    private final IngestConfig.Locations locationsConfig;

    private final UrlFetch urls;

    private final List<Path> roots = new ArrayList<>();

    @Inject
    LocationReader(IngestConfig.Ingest ingestConfig, IngestConfig.Locations locationsConfig, UrlFetch urls) {
        this.ingestConfig = ingestConfig;
        this.locationsConfig = locationsConfig;
        this.urls = urls;
    }

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
            return readFile(fileUnderRoot(target), target, limit);
        }
        return fetch(URI.create(target), 0);
    }

    /**
     * Reads a regular file only (a directory, FIFO, socket or device is refused before it is opened:
     * opening a FIFO would wait for a writer), within the size limit and the read timeout, on a thread
     * of its own, so that no request waits longer than {@code scorecards.locations.read-timeout}.
     */
    private String readFile(Path path, String target, long limit) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new LocationMissing("NotFoundError: " + target + " does not exist");
        } catch (IOException e) {
            throw ServiceError.input("Could not read " + target + ": it cannot be accessed");
        }
        if (!attributes.isRegularFile()) {
            throw ServiceError.input("File location " + target + " is not a regular file ("
                    + (attributes.isDirectory() ? "a directory" : "a FIFO, socket or device") + ")");
        }
        Duration timeout = locationsConfig.readTimeout();
        Future<byte[]> read = FILE_READS.submit(() -> {
            try (InputStream in = new LimitedInputStream(Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS), limit,
                    "file " + target)) {
                return in.readAllBytes();
            }
        });
        try {
            return new String(read.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
        } catch (TimeoutException e) {
            read.cancel(true);
            throw ServiceError.input("Could not read " + target + ": not read within " + timeout
                    + " (scorecards.locations.read-timeout)");
        } catch (InterruptedException e) {
            read.cancel(true);
            Thread.currentThread().interrupt();
            throw ServiceError.input("Could not read " + target + ": interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ServiceError tooLarge) {
                throw tooLarge;
            }
            if (e.getCause() instanceof NoSuchFileException) {
                throw new LocationMissing("NotFoundError: " + target + " does not exist");
            }
            throw ServiceError.input("Could not read " + target + ": it cannot be read");
        }
    }

    private String fetch(URI uri, int redirects) {
        UrlFetch.Answer answer;
        try {
            answer = urls.send(uri, HttpRequest.newBuilder().GET(), locationsConfig.readTimeout(), "url " + uri);
        } catch (UrlFetch.Failed e) {
            throw ServiceError.input("Could not read " + uri + ": " + e.getMessage()
                    + " (scorecards.locations.read-timeout)");
        }
        int status = answer.status();
        if (status >= 300 && status < 400 && answer.headers().firstValue("location").isPresent()) {
            if (redirects >= MAX_REDIRECTS) {
                throw ServiceError.input("Too many redirects reading " + uri);
            }
            return fetch(uri.resolve(answer.headers().firstValue("location").get()), redirects + 1);
        }
        if (status == 404) {
            throw new LocationMissing("NotFoundError: " + uri + " could not be found (404)");
        }
        if (status < 200 || status >= 300) {
            throw ServiceError.input("Reading " + uri + " failed with HTTP " + status);
        }
        return new String(answer.body(), StandardCharsets.UTF_8);
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
        throw ServiceError.input("File location " + target + " is outside the allowed folders"
                + " (scorecards.locations.file-roots)"); // which folders those are is the operator's business
    }

    private void allowedUrl(String target) {
        urls.checkAllowed(target);
    }
}
