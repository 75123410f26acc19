package dev.scorecards.ingest.backstage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.ingest.source.Candidate;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entities of one pull, kept in a temporary file (one line per entity, with its page) until
 * every page has arrived, then read back as the documents of one full sync. When a ref arrives
 * twice (the upstream catalog changed while it was paged), the later copy wins.
 */
final class PulledEntities implements Closeable {
    /** {@code scorecards-backstage-<pid>-<source>-<random>.jsonl}: the pid tells whose file it is. */
    static final String PREFIX = "scorecards-backstage-";
    private static final Pattern LEFTOVER = Pattern.compile("^" + PREFIX + "(\\d+)-.*\\.jsonl$");

    private final ObjectMapper json = new ObjectMapper();
    private final Path file;
    private final BufferedWriter out;
    private final Map<String, Integer> positionOfRef = new HashMap<>();
    private final BitSet superseded = new BitSet();
    private BufferedReader in;
    private int count;

    PulledEntities(String name) {
        try {
            file = Files.createTempFile(PREFIX + ProcessHandle.current().pid() + "-" + name + "-", ".jsonl");
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes the files of pulls that can no longer finish (their process was killed): those of a
     * process that is gone, and, at startup, those bearing this process's own pid (a container that
     * restarts runs as the same pid). Returns how many it deleted.
     */
    static int deleteLeftovers(Path folder) {
        long self = ProcessHandle.current().pid();
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*.jsonl")) {
            for (Path f : files) {
                Matcher m = LEFTOVER.matcher(f.getFileName().toString());
                long pid = m.matches() ? Long.parseLong(m.group(1)) : -1;
                if (pid == self || (pid > 0 && ProcessHandle.of(pid).isEmpty()) || pid == -1) {
                    deleted += Files.deleteIfExists(f) ? 1 : 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // best effort: what is left is only disk space
        }
        return deleted;
    }

    /** Adds one entity read from {@code page}. */
    void add(int page, JsonNode entity) {
        String ref = ref(entity);
        if (ref != null) {
            Integer earlier = positionOfRef.put(ref, count);
            if (earlier != null) {
                superseded.set(earlier);
            }
        }
        try {
            out.write(Integer.toString(page));
            out.write('\t');
            out.write(json.writeValueAsString(entity));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count++;
    }

    /** Entities kept (later copies of a repeated ref replace earlier ones). */
    int size() {
        return count - superseded.cardinality();
    }

    /** Every kept entity, in the order received, as a document named by its page. */
    Iterator<Candidate> candidates() {
        try {
            out.flush();
            in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Iterator<>() {
            private int position;
            private int index;
            private Candidate next;

            @Override
            public boolean hasNext() {
                try {
                    while (next == null && position < count) {
                        String line = in.readLine();
                        if (!superseded.get(position++)) {
                            int tab = line.indexOf('\t');
                            next = new Candidate(index++, "page " + line.substring(0, tab),
                                    json.readTree(line.substring(tab + 1)), null, null);
                        }
                    }
                    return next != null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Candidate next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Candidate c = next;
                next = null;
                return c;
            }
        };
    }

    private static String ref(JsonNode entity) {
        JsonNode kind = entity.path("kind");
        JsonNode name = entity.path("metadata").path("name");
        if (!kind.isTextual() || !name.isTextual()) {
            return null;
        }
        String namespace = entity.path("metadata").path("namespace").asText("default");
        return (kind.asText() + ":" + namespace + "/" + name.asText()).toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        try {
            out.close();
            if (in != null) {
                in.close();
            }
        } catch (IOException ignored) {
            // the file is deleted next
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the system cleans it up
        }
    }
}
