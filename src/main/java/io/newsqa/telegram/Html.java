package io.newsqa.telegram;

/**
 * Telegram's HTML parse mode: every {@code <}, {@code >} and {@code &} of text we did not write
 * ourselves (questions, answers, headlines, links) must be escaped, or a headline like
 * "Q&A" breaks the message and a text like {@code <b>} formats it.
 */
final class Html {

    private Html() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String bold(String text) {
        return "<b>" + escape(text) + "</b>";
    }

    static String italic(String text) {
        return "<i>" + escape(text) + "</i>";
    }

    static String link(String url, String text) {
        return "<a href=\"" + escape(url) + "\">" + escape(text) + "</a>";
    }
}
