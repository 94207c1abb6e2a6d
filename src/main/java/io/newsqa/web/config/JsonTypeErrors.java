package io.newsqa.web.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * JSON of the wrong type in a request body: {@code {"question": 42}}, a list where an object
 * belongs. Jackson would turn the number into the text "42" and answer it; it is refused instead,
 * and the problem names the field and the type it must have.
 */
public final class JsonTypeErrors {

    private JsonTypeErrors() {}

    /** Numbers and booleans are not text: no silent {@code 42 → "42"} for string fields. */
    static void refuseScalarsAsText(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** "\"question\" must be a JSON string.", naming the field by its path ("sources[1]"). */
    static String describe(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        String expected = expected(e.getTargetType());
        return path.isEmpty()
                ? "The request body must be " + expected + ", such as {\"question\": \"...\"}."
                : "\"" + path + "\" must be " + expected + ".";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another JSON type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a JSON string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON list";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a JSON number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a JSON object";
    }
}
