package io.newsqa.ingest.source;

import java.time.ZoneId;
import java.util.List;

/**
 * Which JSON fields of a dump hold which part of an article. Each part lists field names tried in
 * order; the defaults read SaudiNewsNet ({@code title}, {@code content}, {@code url},
 * {@code date_extracted}, {@code source}, {@code author}) and the common alternatives.
 *
 * @param zone the zone of dates written without an offset
 */
public record FieldMapping(
        List<String> title,
        List<String> body,
        List<String> url,
        List<String> date,
        List<String> source,
        List<String> author,
        ZoneId zone) {

    public static final FieldMapping DEFAULT = new FieldMapping(
            List.of("title", "headline"),
            List.of("content", "body", "text"),
            List.of("url", "link"),
            List.of("date_extracted", "published", "publishedAt", "date"),
            List.of("source"),
            List.of("author", "byline"),
            ZoneId.of("UTC"));

    public FieldMapping {
        title = List.copyOf(title);
        body = List.copyOf(body);
        url = List.copyOf(url);
        date = List.copyOf(date);
        source = List.copyOf(source);
        author = List.copyOf(author);
    }

    public FieldMapping withTitle(String field) {
        return new FieldMapping(List.of(field), body, url, date, source, author, zone);
    }

    public FieldMapping withBody(String field) {
        return new FieldMapping(title, List.of(field), url, date, source, author, zone);
    }

    public FieldMapping withUrl(String field) {
        return new FieldMapping(title, body, List.of(field), date, source, author, zone);
    }

    public FieldMapping withDate(String field) {
        return new FieldMapping(title, body, url, List.of(field), source, author, zone);
    }

    public FieldMapping withSource(String field) {
        return new FieldMapping(title, body, url, date, List.of(field), author, zone);
    }

    public FieldMapping withAuthor(String field) {
        return new FieldMapping(title, body, url, date, source, List.of(field), zone);
    }

    public FieldMapping withZone(ZoneId zoneForLocalTimes) {
        return new FieldMapping(title, body, url, date, source, author, zoneForLocalTimes);
    }
}
