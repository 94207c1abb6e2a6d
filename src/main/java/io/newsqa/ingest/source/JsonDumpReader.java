package io.newsqa.ingest.source;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsqa.ingest.article.ArticleReadException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * JSON dumps (an array of article objects, or one object) and JSON Lines dumps (one object per
 * line), read as a stream so a dump of any size passes through in constant memory. An item that
 * lacks a title or body, or has a bad date, is rejected by its position; the others go on.
 */
public final class JsonDumpReader implements SourceReader {

    private static final Set<String> JSON_LINES = Set.of("jsonl", "ndjson");
    private static final String CONVERT_HINT =
            "convert it to UTF-8 first (for example: iconv -f WINDOWS-1256 -t UTF-8)";

    private final ObjectMapper json = new ObjectMapper();
    private final FieldMapping fields;

    public JsonDumpReader(FieldMapping fields) {
        this(fields, StreamReadConstraints.DEFAULT_MAX_DEPTH);
    }

    /** @param maxNestingDepth deeper JSON is refused while it is parsed */
    public JsonDumpReader(FieldMapping fields, int maxNestingDepth) {
        this.fields = fields;
        json.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .build());
        // The stream belongs to the caller: a ZIP reader goes on to its next entry.
        json.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }

    @Override
    public boolean reads(SourceDocument document) {
        String type = document.mediaType();
        return type.equals("application/json")
                || type.equals("application/x-ndjson")
                || type.equals("application/jsonl")
                || document.extension().equals("json")
                || JSON_LINES.contains(document.extension());
    }

    @Override
    public void read(SourceDocument document, ArticleSink sink) throws IOException {
        if (JSON_LINES.contains(document.extension())
                || document.mediaType().contains("ndjson")
                || document.mediaType().contains("jsonl")) {
            readLines(document, sink);
        } else {
            readJson(document, sink);
        }
    }

    private void readJson(SourceDocument document, ArticleSink sink) throws IOException {
        int index = 0;
        try (JsonParser parser = json.getFactory().createParser(document.content())) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                item(document.name(), json.readTree(parser), sink);
                return;
            }
            if (first != JsonToken.START_ARRAY) {
                throw new ArticleReadException(
                        document.name() + ": not a JSON array of articles nor one article object");
            }
            // Every element, objects or not: an element that is not an article is rejected by its
            // position, and the ones after it are still read. A stopped sink (SIGTERM) ends the read.
            for (JsonToken token = parser.nextToken();
                    token != JsonToken.END_ARRAY && !sink.stopped();
                    token = parser.nextToken()) {
                if (token == null) {
                    throw new ArticleReadException(document.name() + " after item " + index
                            + ": the array is never closed (a cut-off file?); the items before were read");
                }
                index++;
                item(document.name() + " item " + index, json.readTree(parser), sink);
            }
        } catch (StreamConstraintsException e) {
            // Nesting deeper than Jackson's limit (1,000), or a value past its size limits: refused
            // before it can exhaust the stack or the memory.
            throw new ArticleReadException(
                    document.name() + " after item " + index + ": " + e.getOriginalMessage()
                            + "; an article dump is an array of flat article objects",
                    e);
        } catch (JsonParseException e) {
            String where = document.name() + " after item " + index;
            if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("UTF-8")) {
                throw new ArticleReadException(where + ": not valid UTF-8; " + CONVERT_HINT, e);
            }
            throw new ArticleReadException(
                    where + ": malformed JSON (" + e.getOriginalMessage() + " at line "
                            + e.getLocation().getLineNr() + "); the items before it were read",
                    e);
        } catch (JsonProcessingException e) {
            throw new ArticleReadException(
                    document.name() + " after item " + index + ": malformed JSON (" + e.getOriginalMessage()
                            + "); the items before it were read",
                    e);
        }
    }

    private void readLines(SourceDocument document, ArticleSink sink) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineNumber = 0;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(new UncloseableStream(document.content()), decoder))) {
            for (String line = lines.readLine(); line != null && !sink.stopped(); line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String item = document.name() + " line " + lineNumber;
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (IOException e) {
                    sink.reject(item, "malformed JSON: " + firstLine(e.getMessage()));
                    continue;
                }
                item(item, node, sink);
            }
        } catch (CharacterCodingException e) {
            throw new ArticleReadException(
                    document.name() + " line " + (lineNumber + 1) + ": not valid UTF-8; " + CONVERT_HINT, e);
        }
    }

    private void item(String item, JsonNode node, ArticleSink sink) {
        if (!node.isObject()) {
            sink.reject(item, "not a JSON object");
            return;
        }
        String url = text(node, fields.url());
        String label = url == null ? item : item + " (" + url + ")";
        String title = text(node, fields.title());
        String body = text(node, fields.body());
        if (title == null || body == null) {
            sink.reject(
                    label,
                    missing(node, title == null ? "title" : "body", title == null ? fields.title() : fields.body()));
            return;
        }
        try {
            OffsetDateTime published = PublicationDates.parse(text(node, fields.date()), fields.zone());
            sink.accept(
                    label,
                    ArticleParts.assemble(
                            title, body, url, text(node, fields.source()), published, text(node, fields.author())));
        } catch (IllegalArgumentException e) {
            sink.reject(label, e.getMessage());
        }
    }

    /**
     * Why an item has no title or body: a field that is there but blank (a crawl that kept only the
     * headline of a cartoon, a PDF or a photo page: nothing to store) is told apart from a dump whose
     * text is in a field of another name, which the user can fix.
     */
    private static String missing(JsonNode node, String part, List<String> names) {
        for (String name : names) {
            if (node.get(name) != null && node.get(name).isValueNode()) {
                return "no " + part + ": the field " + name + " is empty";
            }
        }
        return "no " + part + ": none of the fields " + names + " holds text; name the right field with --" + part
                + "-field";
    }

    /** The first non-blank text among the named fields. */
    private static String text(JsonNode node, List<String> names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
