package org.attest.api.summaries;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language of an input, from its function words (the way short-text identifiers start): each language's most
 * frequent articles, pronouns and prepositions are counted, and a language is named only when the text is long
 * enough, enough of its words are function words of that language, and no other language comes close. Otherwise the
 * language is unknown, which the card's language limit does not hold (the summarizer's out-of-distribution flag is the
 * other guard). Clinical abbreviations, numbers and redaction placeholders count as words of no language.
 */
final class LanguageGuess {

    /** Fewer words than this say too little. */
    static final int MIN_WORDS = 12;

    /** The best language's function words must be at least this share of all words... */
    static final double MIN_SHARE = 0.12;

    /** ...and at least this multiple of the runner-up's. */
    static final double MIN_LEAD = 2.0;

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en",
                    words("the and of to a in is it you that he was for on are with as i his they be at have this"
                            + " from or had by but not what all were we when your can there an which she do how their if"
                            + " will my no has her does did been me any"),
            "es",
                    words("el la de que y en los del se las por un para con una su al lo como más pero sus le ya"
                            + " fue este ha sí porque esta son entre cuando muy sin sobre también me hasta hay donde"),
            "fr",
                    words("le de la et les des en un du une est que qui dans pour pas au sur ne se il elle avec"
                            + " plus par ce sont vous nous mais ou comme aux été être avait cette ses"),
            "de",
                    words("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch"
                            + " es an er hat aus bei sie nach wird wurde sind noch wie einem über einen"),
            "pt",
                    words("o a de que e do da em um para é com não uma os no se na por mais as dos como mas foi"
                            + " ao ele das tem à seu sua ou ser quando muito há nos já está eu também"),
            "it",
                    words("il di che e la per un in è non una sono mi si ho lo ma ha le con ti cosa se io come"
                            + " da questo bene qui del della gli nel alla anche sei"));

    private LanguageGuess() {}

    /** The text's language (ISO 639-1), or empty when it cannot be told. */
    static Optional<String> of(String text) {
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        int total = 0;
        Map<String, Integer> hits = new java.util.HashMap<>();
        while (words.find()) {
            total++;
            String word = words.group();
            FUNCTION_WORDS.forEach((language, list) -> {
                if (list.contains(word)) {
                    hits.merge(language, 1, Integer::sum);
                }
            });
        }
        if (total < MIN_WORDS) {
            return Optional.empty();
        }
        String best = null;
        int bestHits = 0;
        int runnerUp = 0;
        for (Map.Entry<String, Integer> entry : hits.entrySet()) {
            if (entry.getValue() > bestHits) {
                runnerUp = bestHits;
                bestHits = entry.getValue();
                best = entry.getKey();
            } else if (entry.getValue() > runnerUp) {
                runnerUp = entry.getValue();
            }
        }
        if (best == null || bestHits < MIN_SHARE * total || bestHits < MIN_LEAD * runnerUp) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    private static Set<String> words(String spaced) {
        return Set.copyOf(java.util.Arrays.asList(spaced.split(" ")));
    }
}
