package io.newsqa.web.config;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveStats;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The archive answers (health component "archive", from the bean name): part of {@code /actuator/health} and of readiness, so a load balancer
 * stops sending questions while the database is down.
 */
@Component
public class ArchiveHealthIndicator implements HealthIndicator {

    private final ObjectProvider<ArchiveIndex> archive;

    /**
     * The archive is looked up at the first health check, not when the indicator is made: the
     * actuator makes every indicator at startup, also in commands such as {@code eval} that must
     * not open the reader's archive (opening a PostgreSQL archive migrates its schema).
     */
    ArchiveHealthIndicator(ObjectProvider<ArchiveIndex> archive) {
        this.archive = archive;
    }

    @Override
    public Health health() {
        try {
            ArchiveStats stats = archive.getObject().stats();
            return Health.up()
                    .withDetail("articles", stats.articles())
                    .withDetail("chunks", stats.chunks())
                    .build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
