/** Release rules and review item storage; not for use outside the review module. */
@NullMarked
package org.attest.review.internal;

import org.jspecify.annotations.NullMarked;
