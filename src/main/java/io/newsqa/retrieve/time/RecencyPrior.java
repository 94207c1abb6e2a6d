package io.newsqa.retrieve.time;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Multiplies a passage's fused score by {@code 1 + 0.5^(age / halfLife)}: up to twice the score
 * for today's article, 1.5 times at one half-life, almost nothing for old ones. The boost
 * decides between passages of similar relevance (reciprocal-rank scores of the top ranks differ
 * by a few per cent), it does not lift an article the rankers barely found over a good match.
 * Articles without a date get no boost (factor 1); a date after "now" counts as age zero.
 */
public final class RecencyPrior {

    public static final RecencyPrior NONE = new RecencyPrior(null, null);

    private final Instant now;
    private final Duration halfLife;

    RecencyPrior(Instant now, Duration halfLife) {
        this.now = now;
        this.halfLife = halfLife;
    }

    public boolean active() {
        return halfLife != null;
    }

    public double boost(OffsetDateTime published) {
        if (halfLife == null || published == null) {
            return 1;
        }
        double age = Math.max(0, Duration.between(published.toInstant(), now).toSeconds());
        return 1 + Math.pow(0.5, age / halfLife.toSeconds());
    }
}
