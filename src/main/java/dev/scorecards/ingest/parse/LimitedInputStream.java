package dev.scorecards.ingest.parse;

import dev.scorecards.errors.ServiceError;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a stream through until it has given more than {@code limit} bytes, then fails with a 413. */
public final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final String what;
    private long read;

    public LimitedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b != -1) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw ServiceError.payloadTooLarge(what + " is larger than the limit of " + limit + " bytes");
        }
    }
}
