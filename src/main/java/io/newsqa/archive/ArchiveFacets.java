package io.newsqa.archive;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an archive holds, counted in articles: per language and per source (articles without a
 * source are not counted under any). Keys are sorted, so two archives with the same content give
 * equal facets.
 */
public record ArchiveFacets(Map<String, Long> languages, Map<String, Long> sources) {

    public ArchiveFacets {
        languages = java.util.Collections.unmodifiableMap(new TreeMap<>(languages));
        sources = java.util.Collections.unmodifiableMap(new TreeMap<>(sources));
    }
}
