package io.newsqa.retrieve.time;

/**
 * A time expression found in a normalised question.
 *
 * @param range the days it means
 * @param start where it starts in the normalised question
 * @param end   where it ends (exclusive)
 * @param words the expression as matched (normalised), shown to users as the reason for the filter
 */
record TimeMention(DateRange range, int start, int end, String words) {}
