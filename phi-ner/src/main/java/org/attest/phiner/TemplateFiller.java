package org.attest.phiner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills templates ({@code Seen by Dr. {DOCTOR} at {HOSPITAL}.}) with surrogates and varies the result the way
 * clinical text varies: all lower or upper case, no final punctuation, a list dash in front. Shared by the training
 * corpus and the held-out evaluation (which brings its own templates and surrogates).
 */
public final class TemplateFiller {

    private static final Pattern SLOT = Pattern.compile("\\{([A-Z]+)\\}");

    private TemplateFiller() {}

    /**
     * @param values slot name → a fresh surrogate
     * @param labels slot name → the label of its value
     */
    public static Sentence fill(String template, UnaryOperator<String> values, UnaryOperator<String> labels) {
        StringBuilder text = new StringBuilder();
        List<Sentence.Span> spans = new ArrayList<>();
        Matcher m = SLOT.matcher(template);
        int copied = 0;
        while (m.find()) {
            text.append(template, copied, m.start());
            String value = values.apply(m.group(1));
            spans.add(new Sentence.Span(text.length(), text.length() + value.length(), labels.apply(m.group(1))));
            text.append(value);
            copied = m.end();
        }
        text.append(template.substring(copied));
        return new Sentence(text.toString(), spans);
    }

    /** The sentence, possibly re-cased, without its final full stop, or as a list item; spans are kept exact. */
    public static Sentence vary(Sentence sentence, Random random) {
        String text = sentence.text();
        int roll = random.nextInt(100);
        if (roll < 12) {
            text = sameLength(text, text.toLowerCase(Locale.ROOT));
        } else if (roll < 16) {
            text = sameLength(text, text.toUpperCase(Locale.ROOT));
        }
        if (random.nextInt(5) == 0 && text.endsWith(".") && endsAfterSpans(sentence)) {
            text = text.substring(0, text.length() - 1);
        }
        Sentence varied = new Sentence(text, sentence.spans());
        if (random.nextInt(10) == 0) {
            return new Sentence("", List.of()).then("- ", varied);
        }
        return varied;
    }

    private static boolean endsAfterSpans(Sentence sentence) {
        return sentence.spans().isEmpty()
                || sentence.spans().getLast().end() < sentence.text().length();
    }

    private static String sameLength(String original, String changed) {
        return changed.length() == original.length() ? changed : original;
    }
}
