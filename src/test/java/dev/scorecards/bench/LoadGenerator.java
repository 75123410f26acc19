package dev.scorecards.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP/1.1 load: {@code connections} keep-alive connections, each sending the next GET
 * as soon as the previous answer is read, for a fixed time. Reports throughput and latency percentiles.
 */
public final class LoadGenerator {

    public record Result(long requests, long errors, double seconds, double perSecond, double p50Ms, double p99Ms,
            double maxMs) {
        @Override
        public String toString() {
            return String.format("%,d requests in %.1f s = %,.0f req/s; p50 %.2f ms, p99 %.2f ms, max %.1f ms; %d errors",
                    requests, seconds, perSecond, p50Ms, p99Ms, maxMs, errors);
        }
    }

    /** Runs the load over {@code paths} request paths ({@code path(i)}), each connection cycling through them. */
    public static Result run(int port, int connections, double warmupSeconds, double seconds, int paths,
            IntFunction<String> path) throws InterruptedException {
        byte[][] requests = new byte[paths][];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = ("GET " + path.apply(i) + " HTTP/1.1\r\nHost: bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        Thread[] threads = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            final int id = c;
            latencies[c] = new long[2_000_000];
            threads[c] = new Thread(() -> {
                int n = id * 7919;
                try (Socket s = new Socket("127.0.0.1", port)) {
                    s.setTcpNoDelay(true);
                    OutputStream out = s.getOutputStream();
                    InputStream in = new java.io.BufferedInputStream(s.getInputStream(), 1 << 16);
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        out.write(requests[(n++ & Integer.MAX_VALUE) % requests.length]);
                        out.flush();
                        int status = readResponse(in);
                        long t1 = System.nanoTime();
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                        if (t0 >= measureFrom && counts[id] < latencies[id].length) {
                            latencies[id][counts[id]++] = t1 - t0;
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            });
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies[c], 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        double secs = seconds;
        return new Result(total, errors.get(), secs, total / secs, pct(all, 0.50), pct(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** Reads one response (status line, headers, a Content-Length or chunked body); returns the status. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = 0;
        boolean chunked = false;
        String h;
        while (!(h = line(in)).isEmpty()) {
            String lower = h.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            while (true) {
                long size = Long.parseLong(line(in).trim(), 16);
                skip(in, size);
                line(in);
                if (size == 0) {
                    break;
                }
            }
        } else {
            skip(in, length);
        }
        return status;
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new IOException("closed");
                }
                s = 1;
            }
            n -= s;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("closed");
            }
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

}
