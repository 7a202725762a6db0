package org.attest.serving.internal;

import ai.onnxruntime.OrtException;

/**
 * The decoder of one request, one step at a time, holding its own key/value cache. Each call feeds the last token of
 * every live row (beam) and returns each row's next-token logits.
 */
interface DecoderSteps extends AutoCloseable {

    /**
     * Runs one decoder step.
     *
     * @param lastTokens the last token of each row
     * @param parents for each row, the row of the previous step it continues (its cache is that row's); ignored at
     *     the first step, whose rows all start from the encoder
     * @return logits [rows][vocabulary]
     */
    float[][] next(long[] lastTokens, int[] parents) throws OrtException;

    @Override
    void close();
}
