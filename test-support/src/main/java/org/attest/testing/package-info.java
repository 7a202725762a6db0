/** Test fixtures shared by the modules' tests: fresh databases, a Redis endpoint and a KServe v2 endpoint. */
@NullMarked
package org.attest.testing;

import org.jspecify.annotations.NullMarked;
