package io.newsqa.embedding;

/**
 * What goes before a text to be embedded, by its role: many retrieval models were trained to see
 * questions and passages marked differently (e5: "query: " / "passage: "), and embed both
 * worse without the marks. Only the passage prefix changes what is stored, so only it is part
 * of an archive's model identity.
 */
public record TextRoles(String queryPrefix, String passagePrefix) {

    public static final TextRoles NONE = new TextRoles("", "");
    static final TextRoles E5 = new TextRoles("query: ", "passage: ");
    static final TextRoles BGE = new TextRoles("Represent this sentence for searching relevant passages: ", "");

    public TextRoles {
        queryPrefix = queryPrefix == null ? "" : queryPrefix;
        passagePrefix = passagePrefix == null ? "" : passagePrefix;
    }
}
