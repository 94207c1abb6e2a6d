package io.newsqa.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A BERT-style ONNX embedding model run in this process by LangChain4j's {@link OnnxBertBiEncoder}
 * (the encoder behind {@code OnnxEmbeddingModel} and the built-in models: same files, same
 * vectors), with ONNX Runtime threads set for a small shared machine.
 *
 * <p>LangChain4j's own instances run one inference per core in parallel, each on a session whose
 * default thread pool also takes every core and spin-waits between operators: on 2 cores that is
 * 4 busy threads fighting over 2, and the spinning takes the CPU that reading, chunking and
 * storing need. Measured on 1,210 SaudiNewsNet chunks with all-MiniLM-L6-v2: 15 ms of CPU per
 * chunk with the defaults, 9 ms with one thread per inference and no spinning. So here each
 * inference runs on one thread, {@code threads} of them in parallel, and idle threads sleep.
 */
public final class InProcessEmbeddingModel extends AbstractInProcessEmbeddingModel {

    /** Where the model's two files come from: the classpath (built-in models) or the file system. */
    public interface ModelFiles {

        InputStream openModel() throws IOException;

        InputStream openTokenizer() throws IOException;
    }

    private final OnnxBertBiEncoder encoder;
    private final Integer dimension;
    private final String description;

    private InProcessEmbeddingModel(
            ExecutorService inferences, OnnxBertBiEncoder encoder, Integer dimension, String description) {
        super(inferences);
        this.encoder = encoder;
        this.dimension = dimension;
        this.description = description;
    }

    /**
     * @param dimension   the vector size when known beforehand; {@code null}: learnt by embedding a probe text once
     * @param threads     inferences run in parallel, one thread each; the machine's cores is the usual choice
     * @param description what the model is, for logs and reports
     */
    public static InProcessEmbeddingModel load(
            ModelFiles files, PoolingMode pooling, Integer dimension, int threads, String description) {
        if (threads < 1) {
            throw new IllegalArgumentException("embedding threads must be at least 1, was " + threads);
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream tokenizer = files.openTokenizer()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtSession session;
            try (InputStream model = files.openModel()) {
                session = environment.createSession(model.readAllBytes(), options);
            }
            ExecutorService inferences = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "embedding");
                thread.setDaemon(true);
                return thread;
            });
            return new InProcessEmbeddingModel(
                    inferences,
                    new OnnxBertBiEncoder(environment, session, tokenizer, pooling),
                    dimension,
                    description + ", " + threads + " inferences in parallel, one ONNX Runtime thread each");
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "ONNX Runtime could not load the embedding model (" + description + "): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the embedding model files could not be read (" + description + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // DJL's tokenizer loader throws plain runtime exceptions on a file that is not a tokenizer.
            throw new IllegalStateException(
                    "the embedding model (" + description + ") could not be loaded: " + e.getMessage(), e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }

    @Override
    public String toString() {
        return description;
    }
}
