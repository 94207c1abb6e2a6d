package io.newsqa;

/** Entry point; replaced by the command line in the next commit. */
public final class NewsQa {
    public static void main(String[] args) {
    }
}
