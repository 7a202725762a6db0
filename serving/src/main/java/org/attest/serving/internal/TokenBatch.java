package org.attest.serving.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import java.util.List;

/**
 * One encoder batch: token ids, attention mask and token types, row-major, each row padded with zeros to the batch's
 * longest.
 */
record TokenBatch(long[] ids, long[] mask, long[] types, int rows, int tokens) {

    static TokenBatch of(List<Encoding> batch) {
        int tokens = 0;
        for (Encoding encoding : batch) {
            tokens = Math.max(tokens, encoding.getIds().length);
        }
        int size = batch.size() * tokens;
        TokenBatch padded = new TokenBatch(new long[size], new long[size], new long[size], batch.size(), tokens);
        for (int row = 0; row < batch.size(); row++) {
            Encoding encoding = batch.get(row);
            int length = encoding.getIds().length;
            System.arraycopy(encoding.getIds(), 0, padded.ids, row * tokens, length);
            System.arraycopy(encoding.getAttentionMask(), 0, padded.mask, row * tokens, length);
            System.arraycopy(encoding.getTypeIds(), 0, padded.types, row * tokens, length);
        }
        return padded;
    }

    long[] shape() {
        return new long[] {rows, tokens};
    }
}
