package io.newsqa.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalInt;

/**
 * The truncation a Hugging Face {@code tokenizer.json} sets: LangChain4j's encoder applies it, so
 * a model never reads more of a text than that, whatever the model itself could take.
 */
final class TokenizerFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenizerFile() {}

    /** Its {@code truncation.max_length}, if it truncates. */
    static OptionalInt truncation(InputStream tokenizerJson) throws IOException {
        JsonNode maxLength = JSON.readTree(tokenizerJson).path("truncation").path("max_length");
        return maxLength.canConvertToInt() ? OptionalInt.of(maxLength.intValue()) : OptionalInt.empty();
    }

    /** The same tokenizer truncating at {@code window} where it truncated at all. */
    static InputStream truncatingAt(InputStream tokenizerJson, int window) throws IOException {
        JsonNode tokenizer = JSON.readTree(tokenizerJson);
        if (tokenizer.path("truncation").isObject()) {
            ((ObjectNode) tokenizer.get("truncation")).put("max_length", window);
        }
        return new ByteArrayInputStream(JSON.writeValueAsBytes(tokenizer));
    }
}
