package io.newsqa.archive;

/** Size of an archive. */
public record ArchiveStats(long articles, long chunks) {}
