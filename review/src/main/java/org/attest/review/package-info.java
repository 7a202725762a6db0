/** Review API: the release policy that decides what a clinician must see, and the review items waiting for them. */
@NullMarked
package org.attest.review;

import org.jspecify.annotations.NullMarked;
