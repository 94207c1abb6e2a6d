package io.newsqa.embedding;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The embedding models shipped in the jar (LangChain4j's {@code langchain4j-embeddings-*}
 * artifacts): all English-trained, 384 dimensions, each full precision and quantised (about 4x
 * smaller and faster, slightly less exact).
 *
 * <p>The prefixes are the ones each model was trained with: e5 was taught "query: " and
 * "passage: " and ranks worse without them; bge-small-en-v1.5 recommends an instruction before
 * short queries that look for passages and nothing before the passages; all-MiniLM takes the text as it is.
 *
 * <p>The window is the most word pieces ([CLS] and [SEP] included) of one text the model reads.
 * bge and e5 were published with 512, which is also all that LangChain4j's encoder puts into one
 * inference. all-MiniLM-L6-v2 was trained on 128 and is published with 256 (sentence-transformers'
 * {@code max_seq_length}, what its own library reads), but the {@code tokenizer.json} packaged with
 * it truncates at 128, and the encoder applies that: the rest of a longer text was silently not
 * embedded (two texts differing only after the 128th piece got one vector). It is loaded truncating
 * at its window instead, and the chunker keeps texts within it.
 */
public enum BuiltInModel {
    ALL_MINILM_L6_V2_Q(
            "all-minilm-l6-v2-q",
            "all-minilm-l6-v2-q",
            PoolingMode.MEAN,
            TextRoles.NONE,
            256,
            "all-MiniLM-L6-v2, quantised"),
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2", PoolingMode.MEAN, TextRoles.NONE, 256, "all-MiniLM-L6-v2"),
    BGE_SMALL_EN_V15_Q(
            "bge-small-en-v1.5-q",
            "bge-small-en-v1.5-q",
            PoolingMode.CLS,
            TextRoles.BGE,
            512,
            "bge-small-en-v1.5, quantised"),
    BGE_SMALL_EN_V15(
            "bge-small-en-v1.5", "bge-small-en-v1.5", PoolingMode.CLS, TextRoles.BGE, 512, "bge-small-en-v1.5"),
    E5_SMALL_V2_Q("e5-small-v2-q", "e5-small-v2-q", PoolingMode.MEAN, TextRoles.E5, 512, "e5-small-v2, quantised"),
    E5_SMALL_V2("e5-small-v2", "e5-small-v2", PoolingMode.MEAN, TextRoles.E5, 512, "e5-small-v2");

    /** The default: the fastest, and the one the retrieval weights were measured with. */
    public static final BuiltInModel DEFAULT = ALL_MINILM_L6_V2_Q;

    private static final int DIMENSION = 384;

    private final String id;
    private final String files;
    private final PoolingMode pooling;
    private final TextRoles roles;
    private final int window;
    private final String description;

    BuiltInModel(String id, String files, PoolingMode pooling, TextRoles roles, int window, String description) {
        this.id = id;
        this.files = files;
        this.pooling = pooling;
        this.roles = roles;
        this.window = window;
        this.description = description;
    }

    /** The name in settings, also recorded in archives (all-minilm-l6-v2-q archives predate the choice). */
    public String id() {
        return id;
    }

    public TextRoles roles() {
        return roles;
    }

    /** Word pieces of one text the model reads, [CLS] and [SEP] included; the chunker keeps within it. */
    public int window() {
        return window;
    }

    public PoolingMode pooling() {
        return pooling;
    }

    public static Optional<BuiltInModel> byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(model -> model.id.equals(wanted)).findFirst();
    }

    /** The names accepted in settings, for error messages and help. */
    public static String ids() {
        return Arrays.stream(values()).map(BuiltInModel::id).collect(Collectors.joining(", "));
    }

    public InProcessEmbeddingModel load(int threads) {
        return InProcessEmbeddingModel.load(
                new InProcessEmbeddingModel.ModelFiles() {
                    @Override
                    public InputStream openModel() {
                        return resource(files + ".onnx");
                    }

                    @Override
                    public InputStream openTokenizer() throws IOException {
                        try (InputStream packaged = resource(files + "-tokenizer.json")) {
                            return TokenizerFile.truncatingAt(packaged, window);
                        }
                    }
                },
                pooling,
                DIMENSION,
                threads,
                description);
    }

    /** The Maven artifact that ships this model's files. */
    private String artifact() {
        return "langchain4j-embeddings-" + files.replace("v1.5", "v15");
    }

    /**
     * The version of the model artifacts that fits this build: the one of LangChain4j's ONNX
     * embedding module, which every model artifact depends on at its own version.
     */
    static String artifactVersion() {
        try (InputStream in = BuiltInModel.class
                .getClassLoader()
                .getResourceAsStream("META-INF/maven/dev.langchain4j/langchain4j-embeddings/pom.properties")) {
            if (in == null) {
                return "(the version of langchain4j-embeddings in this jar)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of the model's two files as packaged, for a copy to disk (tests of the custom-model path use it). */
    public InputStream open(String suffix) throws IOException {
        return resource(files + suffix);
    }

    private InputStream resource(String name) {
        InputStream in = BuiltInModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            String artifact = artifact();
            throw new IllegalStateException(
                    "The embedding model " + id + " is not in this jar, which carries only the default ("
                            + DEFAULT.id + "). Download dev.langchain4j:" + artifact + ":" + artifactVersion()
                            + " from Maven Central into a folder and start with java -Dloader.path=FOLDER -jar newsqa.jar,"
                            + " or build the jar with all models: ./mvnw package -Pall-models. (Missing resource: "
                            + name + ")");
        }
        return in;
    }
}
