package dev.scorecards.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The sender's settings ({@code scorecards.notifications.*}, docs/notifications.md). */
@ConfigMapping(prefix = "scorecards.notifications")
public interface NotificationsConfig {
    /** How often due deliveries are looked for (a Quarkus scheduler interval, or {@code off}). */
    @WithDefault("1s")
    String pollEvery();

    /** The wait after a delivery's first failed attempt; each further failure doubles it. */
    @WithDefault("30s")
    Duration backoffInitial();

    /** The longest wait between two attempts. */
    @WithDefault("1h")
    Duration backoffMax();

    /** How long after its event a delivery is retried before it is marked failed (at least 24 hours). */
    @WithDefault("48h")
    Duration giveUpAfter();

    /** Connecting to and hearing back from a target, per attempt. */
    @WithDefault("10s")
    Duration timeout();
}
