package io.newsqa.archive;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Restricts a search to part of the archive. Every field is optional; {@code null} or empty means
 * "no restriction". Articles without a publication date never match a date-bounded filter.
 *
 * @param publishedFrom inclusive lower bound on the publication time
 * @param publishedTo   exclusive upper bound on the publication time
 * @param sources       accepted sources (exact match)
 * @param languages     accepted article languages
 */
public record SearchFilter(
        OffsetDateTime publishedFrom, OffsetDateTime publishedTo, Set<String> sources, Set<String> languages) {

    private static final SearchFilter NONE = new SearchFilter(null, null, Set.of(), Set.of());

    public SearchFilter {
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
    }

    public static SearchFilter none() {
        return NONE;
    }

    public boolean hasDateBounds() {
        return publishedFrom != null || publishedTo != null;
    }

    /** The same rule, evaluated in Java, for callers and implementations that filter in memory. */
    public boolean accepts(Article article) {
        if (!sources.isEmpty() && !sources.contains(article.source())) {
            return false;
        }
        if (!languages.isEmpty() && !languages.contains(article.language())) {
            return false;
        }
        if (hasDateBounds()) {
            OffsetDateTime published = article.publishedAt();
            if (published == null) {
                return false;
            }
            if (publishedFrom != null && published.isBefore(publishedFrom)) {
                return false;
            }
            if (publishedTo != null && !published.isBefore(publishedTo)) {
                return false;
            }
        }
        return true;
    }
}
