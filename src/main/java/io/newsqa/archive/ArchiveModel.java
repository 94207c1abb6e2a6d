package io.newsqa.archive;

/**
 * The embedding model an archive's vectors come from, as the archive records it on creation
 * (see {@code embedding.Embeddings#id}); an archive is only ever opened with this model.
 */
public record ArchiveModel(String modelId, int dimension) {}
