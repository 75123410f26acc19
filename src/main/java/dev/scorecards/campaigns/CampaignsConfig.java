package dev.scorecards.campaigns;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Settings of campaigns ({@code scorecards.campaigns.*}). */
@ConfigMapping(prefix = "scorecards.campaigns")
public interface CampaignsConfig {
    /** A folder of campaign YAML files read at start-up; unset: campaigns only through the API. */
    Optional<String> dir();

    /** How often campaigns are checked for due-soon, missed and completed notices (a scheduler interval, or {@code off}). */
    String checkEvery();
}
