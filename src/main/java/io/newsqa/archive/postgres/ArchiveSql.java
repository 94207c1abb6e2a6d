package io.newsqa.archive.postgres;

import io.newsqa.archive.ArchiveSearch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The archive's longer statements, kept as {@code .sql} files beside this class. A file names
 * what varies in braces: the schema's tables ({@code {articles}}, {@code {chunks}},
 * {@code {bm25_postings}}, {@code {bm25_corpus}}), another file to put in ({@code {weighted-words}}),
 * the columns of a hit's article ({@code {hit-columns}}), and a search filter's conditions
 * ({@code {filter}}, or {@code {filter-join}} where the articles are joined only to filter). Only
 * these names and the filter's own text ({@link FilterClause}, values bound as parameters) are
 * ever put into a statement.
 */
final class ArchiveSql {

    private static final Pattern NAME = Pattern.compile("\\{([a-z0-9_-]+)}");

    private final Map<String, String> names;
    private final Map<String, String> statements = new ConcurrentHashMap<>();

    ArchiveSql(ArchiveSchema schema) {
        this.names = Map.of(
                "articles", schema.table("articles"),
                "chunks", schema.table("chunks"),
                "bm25_postings", schema.table("bm25_postings"),
                "bm25_corpus", schema.table("bm25_corpus"),
                "bm25_article_lengths", schema.table("bm25_article_lengths"),
                "hit-columns", ArticleRows.HEADER_COLUMNS,
                "title-weight", Double.toString(ArchiveSearch.TITLE_WEIGHT));
    }

    /** The statement of {@code name}.sql for this schema and this filter. */
    String statement(String name, FilterClause where) {
        String template = statements.computeIfAbsent(name, this::resolved);
        String conditions = where.andConditions();
        return template.replace(
                        "{filter-join}",
                        where.restricts()
                                ? "JOIN " + names.get("articles") + " a ON a.id = p.article_id WHERE true" + conditions
                                : "")
                .replace("{filter}", conditions);
    }

    /** The file with every name but the filter's put in. */
    private String resolved(String name) {
        Matcher placeholder = NAME.matcher(read(name));
        StringBuilder sql = new StringBuilder();
        while (placeholder.find()) {
            String key = placeholder.group(1);
            String value = key.startsWith("filter")
                    ? placeholder.group()
                    : names.containsKey(key) ? names.get(key) : resolved(key);
            placeholder.appendReplacement(sql, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(sql);
        return sql.toString().strip();
    }

    private static String read(String name) {
        try (InputStream in = ArchiveSql.class.getResourceAsStream(name + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + name + ".sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read SQL resource " + name + ".sql", e);
        }
    }
}
