/** Test fixtures shared by the modules' tests: fresh databases and a Redis endpoint. */
@NullMarked
package org.attest.testing;

import org.jspecify.annotations.NullMarked;
