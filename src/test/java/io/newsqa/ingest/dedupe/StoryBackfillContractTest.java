package io.newsqa.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.StoredArticle;
import io.newsqa.ingest.article.ArticleIdentity;
import io.newsqa.retrieve.HybridSearchContractTest;
import io.newsqa.support.BackendUnderTest;
import io.newsqa.support.EachBackend;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@code newsqa link-stories} on every archive: articles stored before stories were linked get
 * linked in publication order by the ingest detector, nothing else changes, and running it again
 * or after an interruption ends the same. The texts: a fictional royal order as three outlets ran
 * it (re-edited at MinHash 0.48, and a near copy), and an unrelated article.
 */
class StoryBackfillContractTest {

    private static final String MODEL = "backfill-model";
    private static final int DIM = 4;

    private BackendUnderTest backend;
    private ArchiveIndex archive;

    @BeforeEach
    void open(BackendUnderTest backend) {
        this.backend = backend;
        archive = backend.open(MODEL, DIM);
    }

    private static final String COPY = HybridSearchContractTest.ORDER.replace("اليوم", "مساء اليوم");
    private static final String PARK =
            "افتتحت أمانة مدينة الدمام اليوم حديقة الواجهة البحرية الجديدة بعد أعمال استمرت عامين،"
                    + " وتضم الحديقة ممرات للمشاة وملاعب للأطفال. وقال أمين المدينة إن الدخول إلى الحديقة مجاني طوال فصل الصيف.";

    private static Article article(String id, String published, String body) {
        return new Article(
                id,
                "https://news.example/" + id,
                "headline " + id,
                "outlet-" + id,
                published == null ? null : OffsetDateTime.parse(published),
                "ar",
                ArticleIdentity.contentHash(body),
                body);
    }

    /** Stores an article as archives written before stories were linked hold it: no story recorded. */
    private void storeBeforeStories(Article article, float... vector) {
        archive.put(article, List.of(new Chunk(article.id(), 0, article.body(), vector)));
        backend.forgetStories(article.id());
    }

    /** The retelling stored first, the article it retells (published a day earlier) after it. */
    private void storeTheOrderToldThreeTimesAndAPark() {
        storeBeforeStories(
                article("retold", "2025-03-02T08:00:00+03:00", HybridSearchContractTest.ORDER_RETOLD), 1, 0, 0, 0);
        storeBeforeStories(
                article("order", "2025-03-01T10:00:00+03:00", HybridSearchContractTest.ORDER), 0.9f, 0.1f, 0, 0);
        storeBeforeStories(article("park", "2025-03-02T09:00:00+03:00", PARK), 0, 1, 0, 0);
        storeBeforeStories(article("copy", null, COPY), 0.8f, 0.2f, 0, 0);
    }

    private Map<String, String> stories() {
        Map<String, String> stories = new TreeMap<>();
        archive.forEachArticle(
                stored -> stories.put(stored.article().id(), stored.article().storyId()));
        return stories;
    }

    private List<StoredArticle> exported() {
        List<StoredArticle> all = new ArrayList<>();
        archive.forEachArticle(all::add);
        all.sort(Comparator.comparing(stored -> stored.article().id()));
        return all;
    }

    @EachBackend
    void linksEachArticleToTheStoryOfAnEarlierPublishedOneItRetells() {
        storeTheOrderToldThreeTimesAndAPark();
        List<StoredArticle> before = exported();
        StoryBackfill backfill = new StoryBackfill(archive, SimilarityThresholds.DEFAULT);

        StoryBackfill.Report report = backfill.run(backfill.articles(), walked -> {});

        assertThat(stories()).isEqualTo(Map.of("order", "order", "retold", "order", "copy", "order", "park", "park"));
        assertThat(report)
                .extracting(
                        StoryBackfill.Report::articles,
                        StoryBackfill.Report::examined,
                        StoryBackfill.Report::linked,
                        StoryBackfill.Report::copies,
                        StoryBackfill.Report::stories)
                .containsExactly(4L, 4L, 2L, 1L, 1L);
        assertThat(report.summary())
                .startsWith("4 articles, 4 without a story examined: 2 linked to an earlier story"
                        + " (1 of them near copies, kept), in 1 stories; 2 left as their own story.");
        // Nothing but the story changed: same chunks, same vectors, and searches carry the story.
        List<StoredArticle> after = exported();
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).article())
                    .isEqualTo(before.get(i)
                            .article()
                            .inStory(after.get(i).article().storyId()));
            assertThat(after.get(i).chunks())
                    .usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(before.get(i).chunks());
        }
        assertThat(archive.denseSearch(new float[] {1, 0, 0, 0}, 1, SearchFilter.none())
                        .get(0)
                        .article()
                        .storyId())
                .isEqualTo("order");
    }

    @EachBackend
    void aSecondRunChangesNothing() {
        storeTheOrderToldThreeTimesAndAPark();
        StoryBackfill backfill = new StoryBackfill(archive, SimilarityThresholds.DEFAULT);
        backfill.run(backfill.articles(), walked -> {});
        Map<String, String> linked = stories();

        StoryBackfill.Report again = backfill.run(backfill.articles(), walked -> {});

        assertThat(stories()).isEqualTo(linked);
        // "order" heads a story now; only "park" still has none recorded and is examined again.
        assertThat(again.examined()).isEqualTo(1);
        assertThat(again.linked()).isZero();
    }

    @EachBackend
    void aRunInterruptedAfterItsFirstWriteEndsAsAnUninterruptedOneWhenRunAgain() {
        storeTheOrderToldThreeTimesAndAPark();
        StoryBackfill backfill = new StoryBackfill(archive, SimilarityThresholds.DEFAULT, 1);
        List<String> walkedIds = new ArrayList<>();

        // Walk: order, retold (linked, written), park, then the crash before "copy" is examined.
        assertThatThrownBy(() -> backfill.run(backfill.articles(), walked -> {
                    if (walked == 3) {
                        throw new IllegalStateException("killed");
                    }
                }))
                .hasMessage("killed");
        assertThat(stories()).containsEntry("retold", "order").containsEntry("copy", "copy");

        StoryBackfill.Report resumed =
                backfill.run(backfill.articles(), walked -> walkedIds.add(String.valueOf(walked)));

        assertThat(stories()).isEqualTo(Map.of("order", "order", "retold", "order", "copy", "order", "park", "park"));
        assertThat(resumed.linked()).isEqualTo(1);
        assertThat(walkedIds).hasSize(4);
    }

    @EachBackend
    void articlesAlreadyInAStoryAreLeftAloneAndLaterOnesJoinIt() {
        // "retold" heads a story an ingest after the upgrade linked "copy" to; "order" was published before it.
        storeBeforeStories(
                article("order", "2025-03-01T10:00:00+03:00", HybridSearchContractTest.ORDER), 0.9f, 0.1f, 0, 0);
        storeBeforeStories(
                article("retold", "2025-03-02T08:00:00+03:00", HybridSearchContractTest.ORDER_RETOLD), 1, 0, 0, 0);
        Article copy = article("copy", "2025-03-03T08:00:00+03:00", HybridSearchContractTest.ORDER_RETOLD + " انتهى.")
                .inStory("retold");
        archive.put(copy, List.of(new Chunk("copy", 0, copy.body(), new float[] {0.8f, 0.2f, 0, 0})));
        Article late = article("late", "2025-03-04T08:00:00+03:00", "تحديث: " + HybridSearchContractTest.ORDER_RETOLD);
        storeBeforeStories(late, 0.7f, 0.3f, 0, 0);

        StoryBackfill backfill = new StoryBackfill(archive, SimilarityThresholds.DEFAULT);
        StoryBackfill.Report report = backfill.run(backfill.articles(), walked -> {});

        // The story of "retold" is not split up: "retold" keeps it, and "late" joins it through "copy".
        assertThat(stories())
                .isEqualTo(Map.of("order", "order", "retold", "retold", "copy", "retold", "late", "retold"));
        assertThat(report.examined()).isEqualTo(2);
        assertThat(report.linked()).isEqualTo(1);
    }
}
