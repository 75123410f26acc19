package dev.scorecards.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy to a local port that can drop the connections it carries silently, as a database
 * failover or a NAT timeout does: no reset, no close, nothing forwarded any more (what either side
 * sends is swallowed). Connections opened afterwards are forwarded normally.
 */
final class DroppingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final List<Pair> pairs = new CopyOnWriteArrayList<>();

    private static final class Pair {
        final Socket client;
        final Socket upstream;
        volatile boolean dropped;

        Pair(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }
    }

    DroppingProxy(int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "dropping-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Drops every connection open now; returns how many. */
    int drop() {
        pairs.forEach(p -> p.dropped = true);
        return pairs.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Pair p = new Pair(client, new Socket(InetAddress.getLoopbackAddress(), target));
                pairs.add(p);
                pump(p, p.client, p.upstream);
                pump(p, p.upstream, p.client);
            } catch (IOException e) {
                // closed
            }
        }
    }

    private static void pump(Pair p, Socket from, Socket to) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    if (!p.dropped) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
                if (!p.dropped) {
                    to.shutdownOutput();
                }
            } catch (IOException e) {
                // one side closed
            }
        }, "dropping-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Pair p : pairs) {
            p.client.close();
            p.upstream.close();
        }
    }
}
