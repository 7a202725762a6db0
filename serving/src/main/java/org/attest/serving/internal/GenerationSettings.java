package org.attest.serving.internal;

/**
 * How a seq2seq model generates, with Hugging Face {@code generate()} semantics.
 *
 * @param maxNewTokens the most tokens generated, end-of-sequence included
 * @param beams 1 for greedy search, more for beam search with that many beams
 * @param noRepeatNgramSize n: no n-gram occurs twice in the decoder's tokens (the start token included); 0 is off
 * @param decoderStartTokenId the first decoder input (T5: 0 = pad; BART: 2)
 * @param eosTokenId the end-of-sequence token (T5: 1; BART: 2)
 * @param lengthPenalty a finished beam hypothesis scores {@code sum log p / generated_length ^ lengthPenalty}
 */
record GenerationSettings(
        int maxNewTokens,
        int beams,
        int noRepeatNgramSize,
        int decoderStartTokenId,
        int eosTokenId,
        double lengthPenalty) {

    GenerationSettings {
        if (maxNewTokens < 1 || beams < 1 || noRepeatNgramSize < 0 || decoderStartTokenId < 0 || eosTokenId < 0) {
            throw new IllegalArgumentException(
                    "max-new-tokens and beams must be at least 1, no-repeat-ngram-size and token ids at least 0");
        }
    }

    /**
     * Reads a manifest's {@code generation} mapping: {@code max-new-tokens}, {@code beams} (default 1),
     * {@code no-repeat-ngram-size} (0), {@code decoder-start-token-id}, {@code eos-token-id}, {@code length-penalty}
     * (1.0).
     *
     * @throws ModelLoadException when a key is missing, not a number, or out of range
     */
    static GenerationSettings parse(java.util.Map<?, ?> generation, String source) throws ModelLoadException {
        try {
            return new GenerationSettings(
                    (int) number(generation, "max-new-tokens", null, source),
                    (int) number(generation, "beams", 1.0, source),
                    (int) number(generation, "no-repeat-ngram-size", 0.0, source),
                    (int) number(generation, "decoder-start-token-id", null, source),
                    (int) number(generation, "eos-token-id", null, source),
                    number(generation, "length-penalty", 1.0, source));
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException("manifest " + source + ": generation: " + e.getMessage(), e);
        }
    }

    private static double number(
            java.util.Map<?, ?> map, String key, @org.jspecify.annotations.Nullable Double fallback, String source)
            throws ModelLoadException {
        Object value = map.get(key);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value == null && fallback != null) {
            return fallback;
        }
        throw new ModelLoadException("manifest " + source + ": generation." + key + " must be a number");
    }

    /** Greedy search with T5's special tokens. */
    static GenerationSettings greedy(int maxNewTokens) {
        return new GenerationSettings(maxNewTokens, 1, 0, 0, 1, 1.0);
    }

    GenerationSettings withBeams(int count) {
        return new GenerationSettings(
                maxNewTokens, count, noRepeatNgramSize, decoderStartTokenId, eosTokenId, lengthPenalty);
    }

    GenerationSettings withNoRepeatNgramSize(int n) {
        return new GenerationSettings(maxNewTokens, beams, n, decoderStartTokenId, eosTokenId, lengthPenalty);
    }

    GenerationSettings withMaxNewTokens(int count) {
        return new GenerationSettings(count, beams, noRepeatNgramSize, decoderStartTokenId, eosTokenId, lengthPenalty);
    }
}
