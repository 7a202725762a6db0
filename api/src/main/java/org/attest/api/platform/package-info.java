/** Infrastructure defaults: embedded PostgreSQL for the zero-install run, clock, health indicators. */
@NullMarked
package org.attest.api.platform;

import org.jspecify.annotations.NullMarked;
