package dev.scorecards.api.access;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells an identity provider that cannot be reached apart from a token that is not valid: quarkus-oidc
 * reports a bad token as an {@link AuthenticationFailedException} (whatever it wraps), and a provider
 * it cannot reach or initialise as a bare {@link OIDCException} ("OIDC Server is not available").
 */
@ApplicationScoped
public class IdentityFailure {
    public boolean providerUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return false;
            }
            if (t instanceof OIDCException) {
                return true;
            }
        }
        return false;
    }
}
