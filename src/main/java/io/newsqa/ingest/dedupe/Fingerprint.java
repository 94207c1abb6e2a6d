package io.newsqa.ingest.dedupe;

/**
 * What the detector keeps of an article: its MinHash signature, which finds candidates quickly
 * (similar signatures share a band), and its exact shingles, which decide how much of one
 * article another tells.
 */
public record Fingerprint(MinHashSignature signature, Shingles shingles) {

    public static Fingerprint of(String body) {
        return new Fingerprint(MinHashSignature.of(body), Shingles.of(body));
    }

    boolean isEmpty() {
        return signature.isEmpty() || shingles.size() == 0;
    }
}
