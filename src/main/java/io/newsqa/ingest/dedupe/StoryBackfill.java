package io.newsqa.ingest.dedupe;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.archive.RecordedStory;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Links the stored articles that have no story recorded (stored before articles were linked to
 * stories) to the story of an earlier article they retell, with the detector and thresholds of
 * ingest, as an ingest of the whole archive in publication order into an empty archive would have
 * linked them ({@code newsqa link-stories}). Nothing is embedded again and no article is removed.
 *
 * <p>The walk goes through every article, oldest publication first (undated ones last, then by
 * id). An article whose story is known (recorded, or named as theirs by other articles) is left
 * as it is, and remembered with its story so that later articles can join it. Any other article
 * is compared with the articles before it: from the same-story threshold on it joins the closest
 * one's story, otherwise it stays its own story and nothing is written for it. A pair at or above
 * the copy threshold is linked too: ingest never stores such a copy, but archives filled before
 * copies were detected (or with a higher threshold) hold some, and linking them is what the
 * retrieval and citations need; removing an article is left to its editor.
 *
 * <p>Links are written in groups ({@link ArchiveIndex#setStories}). A second run changes nothing:
 * the linked articles are recorded now, the rest meet the same earlier articles with the same
 * stories and are again their own. A run killed at any point and started again ends as an
 * uninterrupted one, for the same reason; at most the group being written is examined again.
 */
public final class StoryBackfill {

    /** What a run did. */
    public record Report(long articles, long examined, long linked, long copies, long stories, double seconds) {

        public String summary() {
            return String.format(
                    "%,d articles, %,d without a story examined: %,d linked to an earlier story"
                            + " (%,d of them near copies, kept), in %,d stories; %,d left as their own story. %.1f s.",
                    articles, examined, linked, copies, stories, examined - linked, seconds);
        }
    }

    /** Links written per archive write (one Lucene commit or one transaction). */
    private static final int LINKS_PER_WRITE = 100;

    private static final Comparator<RecordedStory> PUBLICATION_ORDER = Comparator.comparing(
                    (RecordedStory story) -> story.publishedAt() == null
                            ? null
                            : story.publishedAt().toInstant(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RecordedStory::articleId);

    private final ArchiveIndex archive;
    private final SimilarityThresholds thresholds;

    private final int linksPerWrite;

    public StoryBackfill(ArchiveIndex archive, SimilarityThresholds thresholds) {
        this(archive, thresholds, LINKS_PER_WRITE);
    }

    StoryBackfill(ArchiveIndex archive, SimilarityThresholds thresholds, int linksPerWrite) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.linksPerWrite = linksPerWrite;
    }

    /** The articles to walk through, in the order of the walk (their number sizes a progress bar). */
    public List<RecordedStory> articles() {
        return archive.recordedStories().stream().sorted(PUBLICATION_ORDER).toList();
    }

    /**
     * @param articles what {@link #articles()} returned
     * @param progress told the number of articles walked through so far, after each one
     */
    public Report run(List<RecordedStory> articles, LongConsumer progress) {
        long started = System.nanoTime();
        // Articles that other articles name as their story head a story already, recorded or not.
        Set<String> heads = articles.stream()
                .filter(story -> story.storyId() != null && !story.storyId().equals(story.articleId()))
                .map(RecordedStory::storyId)
                .collect(Collectors.toSet());
        NearDuplicates detector = NearDuplicates.amongRemembered(thresholds);
        Map<String, String> links = new LinkedHashMap<>();
        Set<String> stories = new HashSet<>();
        long walked = 0;
        long examined = 0;
        long copies = 0;
        long linked = 0;
        for (RecordedStory entry : articles) {
            Optional<Article> stored = archive.findArticle(entry.articleId());
            if (stored.isPresent()) {
                Article article = stored.get();
                Fingerprint fingerprint = Fingerprint.of(article.body());
                String story = article.storyId();
                if (entry.storyId() == null && !heads.contains(article.id())) {
                    examined++;
                    Optional<NearDuplicates.Match> closest = detector.closestTo(
                            article.id(), article.title(), article.body(), article.language(), fingerprint);
                    if (closest.isPresent()) {
                        story = closest.get().storyId();
                        links.put(article.id(), story);
                        stories.add(story);
                        linked++;
                        copies += closest.get().isCopy() ? 1 : 0;
                    }
                }
                detector.remember(article.id(), story, fingerprint);
            }
            if (links.size() >= linksPerWrite) {
                archive.setStories(links);
                links.clear();
            }
            progress.accept(++walked);
        }
        archive.setStories(links);
        return new Report(
                articles.size(), examined, linked, copies, stories.size(), (System.nanoTime() - started) / 1e9);
    }
}
