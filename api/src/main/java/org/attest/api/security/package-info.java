/** OAuth2 resource server (JWT validation, scopes) and, in the local profile, the embedded authorization server with demo clients. */
@NullMarked
package org.attest.api.security;

import org.jspecify.annotations.NullMarked;
