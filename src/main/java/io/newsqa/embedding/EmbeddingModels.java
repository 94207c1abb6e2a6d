package io.newsqa.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalInt;

/** Loads the embedding model {@link EmbeddingProperties} describe, or says clearly why it cannot. */
public final class EmbeddingModels {

    /** The smallest window accepted: a chunk of 64 word pieces beside a title of about 60 (see the chunker). */
    static final int MIN_WINDOW = 128;

    private EmbeddingModels() {}

    public static Embeddings load(EmbeddingProperties settings) {
        String provider =
                settings.provider() == null ? "" : settings.provider().strip().toLowerCase(Locale.ROOT);
        return switch (provider) {
            case "built-in", "builtin", "" -> builtIn(settings);
            case "onnx" -> onnx(settings);
            case "openai" -> openAi(settings);
            case "ollama" -> ollama(settings);
            default ->
                throw new IllegalStateException("Unknown newsqa.embedding.provider '" + settings.provider()
                        + "': use built-in (with NEWSQA_EMBEDDING_MODEL one of " + BuiltInModel.ids()
                        + "), onnx, openai or ollama.");
        };
    }

    private static Embeddings builtIn(EmbeddingProperties settings) {
        String name = blankToNull(settings.model()) == null ? BuiltInModel.DEFAULT.id() : settings.model();
        BuiltInModel model = BuiltInModel.byId(name)
                .orElseThrow(() -> new IllegalStateException("Unknown built-in embedding model '" + name
                        + "' (newsqa.embedding.model): use one of " + BuiltInModel.ids()
                        + ", or set NEWSQA_EMBEDDING_PROVIDER to onnx, openai or ollama for another model."));
        if (blankToNull(settings.queryPrefix()) != null || blankToNull(settings.passagePrefix()) != null) {
            throw new IllegalStateException(
                    "newsqa.embedding.query-prefix and passage-prefix are for onnx, openai and ollama"
                            + " models; built-in " + model.id()
                            + " uses the prefixes it was trained with. Remove them.");
        }
        if (settings.maxInputTokens() != null) {
            throw new IllegalStateException(
                    "newsqa.embedding.max-input-tokens is for onnx, openai and ollama models; built-in " + model.id()
                            + " reads " + model.window() + " word pieces, which the chunker keeps to. Remove it.");
        }
        InProcessEmbeddingModel loaded = model.load(threads(settings));
        return new Embeddings(
                model.id(), loaded, model.roles(), new WordPieceCount(), model.window(), loaded.toString());
    }

    private static Embeddings onnx(EmbeddingProperties settings) {
        Path modelFile = requireFile(
                blankToNull(settings.model()) == null
                        ? null
                        : Path.of(settings.model().strip()),
                "newsqa.embedding.model (the .onnx file)");
        Path tokenizerFile = requireFile(
                settings.tokenizer() != null ? settings.tokenizer() : modelFile.resolveSibling("tokenizer.json"),
                "newsqa.embedding.tokenizer (the model's tokenizer.json)");
        PoolingMode pooling = pooling(settings.pooling());
        TextRoles roles = roles(settings);
        String id = "onnx:" + modelFile.getFileName() + ":sha256="
                + sha256(modelFile).substring(0, 16) + ":" + pooling.name().toLowerCase(Locale.ROOT)
                + passageMark(roles);
        InProcessEmbeddingModel loaded = InProcessEmbeddingModel.load(
                new InProcessEmbeddingModel.ModelFiles() {
                    @Override
                    public InputStream openModel() throws IOException {
                        return Files.newInputStream(modelFile);
                    }

                    @Override
                    public InputStream openTokenizer() throws IOException {
                        return Files.newInputStream(tokenizerFile);
                    }
                },
                pooling,
                null,
                threads(settings),
                modelFile + " (" + pooling.name().toLowerCase(Locale.ROOT) + " pooling)");
        return new Embeddings(
                id,
                loaded,
                roles,
                new WordPieceCount(tokenizerFile),
                onnxWindow(settings, tokenizerFile),
                loaded.toString());
    }

    private static Embeddings openAi(EmbeddingProperties settings) {
        String name = requireModelName(settings, "openai", "text-embedding-3-small");
        String baseUrl = blankToNull(settings.baseUrl());
        EmbeddingModel model = OpenAiEmbeddingModel.builder()
                .baseUrl(baseUrl)
                // Local OpenAI-compatible servers (vLLM, llama.cpp, LM Studio) want no key, but the client requires
                // one.
                .apiKey(
                        blankToNull(settings.apiKey()) == null
                                ? "no-key"
                                : settings.apiKey().strip())
                .modelName(name)
                .dimensions(settings.dimensions())
                .timeout(settings.timeout())
                .maxRetries(settings.maxRetries())
                .build();
        TextRoles roles = roles(settings);
        String id = "openai:" + name + (settings.dimensions() == null ? "" : ":" + settings.dimensions() + "d")
                + passageMark(roles);
        return provider(
                id,
                model,
                roles,
                window(settings),
                "OpenAI-compatible " + name + " at " + (baseUrl == null ? "api.openai.com" : baseUrl));
    }

    private static Embeddings ollama(EmbeddingProperties settings) {
        String name = requireModelName(settings, "ollama", "nomic-embed-text");
        String baseUrl = blankToNull(settings.baseUrl()) == null
                ? "http://localhost:11434"
                : settings.baseUrl().strip();
        EmbeddingModel model = OllamaEmbeddingModel.builder()
                .baseUrl(baseUrl)
                .modelName(name)
                .timeout(settings.timeout())
                .maxRetries(settings.maxRetries())
                .build();
        TextRoles roles = roles(settings);
        return provider(
                "ollama:" + name + passageMark(roles),
                model,
                roles,
                window(settings),
                "Ollama " + name + " at " + baseUrl);
    }

    /**
     * A provider's model, its vector size asked at once: archives are created with it, and a
     * wrong address or model name is better told at startup than at the first question.
     */
    private static Embeddings provider(
            String id, EmbeddingModel model, TextRoles roles, int window, String description) {
        try {
            model.dimension();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "The embedding provider (" + description + ") did not embed a test text: " + e.getMessage()
                            + ". Check newsqa.embedding.base-url, model and api-key.",
                    e);
        }
        // The provider's tokenizer is unknown here: chunks are measured in BERT word pieces, which
        // over-count for the larger vocabularies providers use, so chunks stay within their windows.
        return new Embeddings(id, model, roles, new WordPieceCount(), window, description);
    }

    /** The window set for an onnx, openai or ollama model, or the encoder's 512. */
    private static int window(EmbeddingProperties settings) {
        int window = settings.maxInputTokens() == null ? Embeddings.ENCODER_WINDOW : settings.maxInputTokens();
        if (window < MIN_WINDOW) {
            throw new IllegalStateException(
                    "newsqa.embedding.max-input-tokens is " + window + ": chunks with their title need" + " at least "
                            + MIN_WINDOW + " word pieces; set the model's own limit (512 for most BERT-size models).");
        }
        return window;
    }

    /**
     * An ONNX model reads no more than its setting, nor more than its {@code tokenizer.json}
     * truncates to: LangChain4j's encoder applies that truncation, and the rest of a longer text
     * would silently not be embedded (as with all-MiniLM-L6-v2's, see {@link BuiltInModel}).
     */
    private static int onnxWindow(EmbeddingProperties settings, Path tokenizerFile) {
        int window = window(settings);
        try (InputStream json = Files.newInputStream(tokenizerFile)) {
            OptionalInt truncation = TokenizerFile.truncation(json);
            if (truncation.isPresent() && truncation.getAsInt() < window) {
                if (truncation.getAsInt() < MIN_WINDOW) {
                    throw new IllegalStateException(tokenizerFile + " truncates texts at " + truncation.getAsInt()
                            + " word pieces: chunks with their title need at least " + MIN_WINDOW + ".");
                }
                return truncation.getAsInt();
            }
            return window;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + tokenizerFile + ": " + e.getMessage(), e);
        }
    }

    private static String requireModelName(EmbeddingProperties settings, String provider, String example) {
        String name = blankToNull(settings.model());
        if (name == null || BuiltInModel.byId(name).isPresent()) {
            throw new IllegalStateException("newsqa.embedding.provider is " + provider
                    + ": set NEWSQA_EMBEDDING_MODEL to the" + " provider's embedding model, e.g. " + example + ".");
        }
        return name;
    }

    private static TextRoles roles(EmbeddingProperties settings) {
        return new TextRoles(settings.queryPrefix(), settings.passagePrefix());
    }

    /** Passages embedded with another prefix are other vectors: the prefix is part of the identity. */
    private static String passageMark(TextRoles roles) {
        return roles.passagePrefix().isEmpty() ? "" : ":passage-prefix=" + roles.passagePrefix();
    }

    private static PoolingMode pooling(String pooling) {
        String name = blankToNull(pooling) == null ? "mean" : pooling.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "mean" -> PoolingMode.MEAN;
            case "cls" -> PoolingMode.CLS;
            default ->
                throw new IllegalStateException(
                        "newsqa.embedding.pooling is '" + pooling + "': use mean or cls,"
                                + " as the model was trained (sentence-transformers' modules.json / 1_Pooling/config.json says which).");
        };
    }

    private static int threads(EmbeddingProperties settings) {
        if (settings.threads() < 0) {
            throw new IllegalStateException(
                    "newsqa.embedding.threads must be 0 (one per core) or more, was " + settings.threads());
        }
        return settings.threads() == 0 ? Runtime.getRuntime().availableProcessors() : settings.threads();
    }

    private static Path requireFile(Path file, String setting) {
        if (file == null) {
            throw new IllegalStateException("newsqa.embedding.provider is onnx: set " + setting + ".");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalStateException(
                    setting + " is " + file.toAbsolutePath() + ", which is not a readable file.");
        }
        return file;
    }

    /** The model file's digest: a file replaced under the same name is another model. */
    private static String sha256(Path file) {
        try (DigestInputStream in =
                new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
