package dev.scorecards.bench;

/** Entry point of {@code ./mvnw -Pbench verify -Dbench=<name>}. */
public final class BenchMain {
    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "catalog" : args[0];
        switch (which) {
            case "catalog" -> CatalogBenchmark.main(args);
            case "scoring" -> ScoringBenchmark.main(args);
            case "signals" -> SignalsBenchmark.main(args);
            case "start" -> StartBenchmark.main(args);
            default -> throw new IllegalArgumentException("unknown benchmark " + which + " (catalog, scoring, signals, start)");
        }
    }
}
