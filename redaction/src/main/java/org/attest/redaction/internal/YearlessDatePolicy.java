package org.attest.redaction.internal;

/**
 * What to do with a numeric month/day written without a year ({@code 3/4}), which clinical text also uses for doses
 * ({@code 3/4 tablet}), strength grades ({@code 5/5}) and ratios.
 */
enum YearlessDatePolicy {
    /**
     * A year-less {@code m/d} is a date only when a date word comes right before it ({@code on}, {@code since},
     * {@code DOB}, {@code admitted}, ...), or when it continues a date range or list ({@code 3/2/21 to 3/4}) and no
     * grade word follows it ({@code Mar 4, 5/5 strength}); never when a dose unit follows it ({@code tab}, {@code of},
     * {@code mg}, ...). Without a date word, {@code 5/5 strength},
     * {@code 3/4 tablet}, {@code pain 7/10} stay.
     */
    CONTEXT,
    /** Every valid year-less {@code m/d} is a date: the most recall, at the price of {@code [DATE] tablet}. */
    ALWAYS
}
