/** Benchmarks and evaluations, one {@code *Benchmark} main class each, started by {@code bench/run}. */
@NullMarked
package org.attest.bench;

import org.jspecify.annotations.NullMarked;
