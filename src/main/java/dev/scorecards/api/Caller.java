package dev.scorecards.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who is calling: with OIDC on, the token's subject; with OIDC off (local runs) nobody is
 * authenticated and the name the request gives is taken as it is.
 */
@RequestScoped
public class Caller {
    private final SecurityIdentity identity;

    @Inject
    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean authenticated() {
        return identity != null && !identity.isAnonymous();
    }

    /** The authenticated name, else {@code claimed} (may be null). */
    public String name(String claimed) {
        return authenticated() ? identity.getPrincipal().getName() : claimed;
    }
}
