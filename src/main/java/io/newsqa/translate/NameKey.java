package io.newsqa.translate;

/**
 * A transliteration key of a word ({@link TransliterationKey}) with how far it is from the word's
 * own spelling: 0 for a reading of the letters as written (the article off), 1 more for a
 * word-initial و or ي read as a vowel or a proclitic taken off (والرياض). Candidates found under a
 * nearer key rank first when keys collide.
 */
record NameKey(String key, int distance) {}
