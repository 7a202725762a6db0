package org.attest.serving.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.jni.CharSpan;

/**
 * One text's tokens without special tokens, with each token's span as UTF-16 indices into the original {@code String}.
 * The tokenizer reports code-point offsets; they are converted here, so that an emoji or another character outside
 * the Basic Multilingual Plane before an entity cannot shift its offsets by one.
 *
 * @param ids token ids
 * @param starts start of each token (UTF-16 index, inclusive)
 * @param ends end of each token (UTF-16 index, exclusive)
 */
record TokenizedText(long[] ids, int[] starts, int[] ends) {

    static TokenizedText of(String text, Encoding encoding) {
        long[] ids = encoding.getIds();
        CharSpan[] spans = encoding.getCharTokenSpans();
        int[] utf16 = codePointToUtf16(text);
        int[] starts = new int[ids.length];
        int[] ends = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            CharSpan span = spans[i];
            int start = span == null ? 0 : clamp(span.getStart(), utf16.length - 1);
            int end = span == null ? 0 : clamp(span.getEnd(), utf16.length - 1);
            starts[i] = utf16[start];
            ends[i] = utf16[Math.max(start, end)];
        }
        return new TokenizedText(ids, starts, ends);
    }

    int length() {
        return ids.length;
    }

    /** {@code utf16[cp]} is the UTF-16 index of code point {@code cp}; the last entry is the text's length. */
    private static int[] codePointToUtf16(String text) {
        int[] utf16 = new int[text.codePointCount(0, text.length()) + 1];
        int index = 0;
        for (int cp = 0; cp < utf16.length - 1; cp++) {
            utf16[cp] = index;
            index += Character.charCount(text.codePointAt(index));
        }
        utf16[utf16.length - 1] = text.length();
        return utf16;
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }
}
