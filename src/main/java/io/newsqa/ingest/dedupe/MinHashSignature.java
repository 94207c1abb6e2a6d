package io.newsqa.ingest.dedupe;

import io.newsqa.text.ArabicNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A MinHash signature of an article body over word 3-shingles, by Lucene's {@link MinHashFilter}
 * (one hash, {@value #BUCKETS} buckets, empty buckets filled by rotation: one-permutation
 * hashing). The share of equal buckets of two signatures estimates the Jaccard similarity of
 * their shingle sets. Words are Arabic-normalised and lower-cased first, so a copy that only
 * differs in hamza, tatweel or diacritics still matches.
 */
public final class MinHashSignature {

    public static final int BUCKETS = 128;
    private static final int SHINGLE = 3;
    private static final Analyzer SHINGLES = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer words = new StandardTokenizer();
            ShingleFilter shingles = new ShingleFilter(new LowerCaseFilter(words), SHINGLE, SHINGLE);
            shingles.setOutputUnigrams(false);
            shingles.setOutputUnigramsIfNoShingles(true);
            return new TokenStreamComponents(words, new MinHashFilter(shingles, 1, BUCKETS, 1, true));
        }
    };

    private final String[] buckets;

    private MinHashSignature(String[] buckets) {
        this.buckets = buckets;
    }

    public static MinHashSignature of(String text) {
        List<String> values = new ArrayList<>(BUCKETS);
        try (TokenStream stream =
                SHINGLES.tokenStream("body", ArabicNormalizer.normalize(text).toLowerCase(Locale.ROOT))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                values.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return new MinHashSignature(values.toArray(String[]::new));
    }

    /** Estimated Jaccard similarity of the two shingle sets, 0 to 1. */
    public double similarity(MinHashSignature other) {
        if (buckets.length == 0 || buckets.length != other.buckets.length) {
            return 0;
        }
        int equal = 0;
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i].equals(other.buckets[i])) {
                equal++;
            }
        }
        return (double) equal / buckets.length;
    }

    /** Keys of the signature's bands for locality-sensitive hashing: similar signatures share one. */
    long[] bandKeys(int rowsPerBand) {
        if (buckets.length == 0) {
            return new long[0];
        }
        long[] keys = new long[buckets.length / rowsPerBand];
        for (int band = 0; band < keys.length; band++) {
            keys[band] = 31L * band
                    + Arrays.hashCode(Arrays.copyOfRange(buckets, band * rowsPerBand, (band + 1) * rowsPerBand));
        }
        return keys;
    }

    /** The buckets as numbers, for comparing many pairs quickly (measurements). */
    public int[] bucketHashes() {
        return Arrays.stream(buckets).mapToInt(String::hashCode).toArray();
    }

    boolean isEmpty() {
        return buckets.length == 0;
    }
}
