package io.newsqa.retrieve.time;

import io.newsqa.archive.SearchFilter;

/**
 * A question read for time: what to search for, within which filter, and how to weigh dates.
 *
 * @param searchText the text the rankers search: the question without its time expression
 * @param filter     the request's filter, with the question's date window when it had none
 * @param applied    what to tell the user about time, or {@code null} when time played no part
 * @param prior      the recency prior, or {@link RecencyPrior#NONE}
 */
public record TimeReading(String searchText, SearchFilter filter, AppliedFilter applied, RecencyPrior prior) {

    static TimeReading unchanged(String question, SearchFilter filter) {
        return new TimeReading(question, filter, null, RecencyPrior.NONE);
    }
}
