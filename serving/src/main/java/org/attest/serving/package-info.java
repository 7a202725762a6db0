/** Serving API: summarize with the model behind the {@code summarizer} alias, and the state of served models. */
@NullMarked
package org.attest.serving;

import org.jspecify.annotations.NullMarked;
