package dev.scorecards.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code scorecards.locations.allowed-hosts} names hosts and ports: a bare host allows the standard
 * ports 80 and 443 only, {@code host:port} that port, {@code host:*} any; {@code *.domain} its
 * subdomains in the same forms. (A pure function: the HTTP answers are pinned by LocationsTest,
 * BackstagePullTest and NotificationsTest.)
 */
class AllowListTest {
    private static UrlFetch fetch(String... entries) {
        return new UrlFetch(null, new IngestConfig.Locations() {
            @Override
            public List<String> fileRoots() {
                return List.of();
            }

            @Override
            public Optional<List<String>> allowedHosts() {
                return Optional.of(List.of(entries));
            }

            @Override
            public Duration refreshInterval() {
                return Duration.ofMinutes(5);
            }

            @Override
            public int maxDepth() {
                return 10;
            }

            @Override
            public int maxFiles() {
                return 1000;
            }

            @Override
            public Duration readTimeout() {
                return Duration.ofSeconds(10);
            }
        });
    }

    private static Map<String, Boolean> check(UrlFetch f, String... urls) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String u : urls) {
            out.put(u, f.allowed(URI.create(u)));
        }
        return out;
    }

    @Test
    void aBareHostAllowsTheStandardPortsOnly() {
        assertEquals(Map.of("http://git.example.com/x", true, "https://git.example.com/x", true,
                "https://git.example.com:443/x", true, "http://git.example.com:8080/x", false,
                "http://git.example.com:22/x", false, "http://other.example.com/x", false),
                check(fetch("git.example.com"), "http://git.example.com/x", "https://git.example.com/x",
                        "https://git.example.com:443/x", "http://git.example.com:8080/x", "http://git.example.com:22/x",
                        "http://other.example.com/x"));
    }

    @Test
    void hostPortEntriesAllowThatPortAndAStarAnyPort() {
        UrlFetch f = fetch("backstage:7007", "*.internal.example.com:*", "[::1]:9000", "GIT.Example.com");
        assertEquals(Map.of("http://backstage:7007/api", true, "http://backstage/api", false,
                "http://backstage:7008/api", false, "http://a.internal.example.com:1234/x", true,
                "http://internal.example.com:1234/x", false, "http://[::1]:9000/x", true, "http://[::1]:9001/x", false,
                "https://git.example.COM/x", true),
                check(f, "http://backstage:7007/api", "http://backstage/api", "http://backstage:7008/api",
                        "http://a.internal.example.com:1234/x", "http://internal.example.com:1234/x", "http://[::1]:9000/x",
                        "http://[::1]:9001/x", "https://git.example.COM/x"));
    }
}
