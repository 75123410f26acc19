package dev.scorecards.api.access;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Arrays;
import java.util.Set;

/**
 * Who may call an operation, as its {@code x-scorecards-role} in the contract names it; each value
 * lists the token roles that satisfy it (an empty set: any authenticated caller).
 */
public enum Role {
    /** Anyone, even when reads need a token (badges). */
    ANONYMOUS("anonymous", Set.of()),
    /** Anyone when {@code scorecards.auth.reads=public}, else any authenticated caller. */
    READ("read", Set.of()),
    /** Any authenticated caller (feedback). */
    AUTHENTICATED("authenticated", Set.of()),
    /** Callers that push facts; admins may too. */
    WRITER("scorecards-writer", Set.of("scorecards-writer", "scorecards-admin")),
    /** Callers that administer the catalog and scoring. */
    ADMIN("scorecards-admin", Set.of("scorecards-admin"));

    private final String value;
    private final Set<String> tokenRoles;

    Role(String value, Set<String> tokenRoles) {
        this.value = value;
        this.tokenRoles = tokenRoles;
    }

    /** The name used in the contract. */
    public String value() {
        return value;
    }

    /** Whether only some callers may call it: a POST, PUT or DELETE of such a role changes something. */
    public boolean restricted() {
        return this != ANONYMOUS && this != READ;
    }

    /** Whether this caller may call an operation of this role. */
    public boolean allows(SecurityIdentity identity, boolean readsPublic) {
        boolean authenticated = identity != null && !identity.isAnonymous();
        if (this == ANONYMOUS || (this == READ && readsPublic)) {
            return true;
        }
        return authenticated && (tokenRoles.isEmpty() || tokenRoles.stream().anyMatch(identity::hasRole));
    }

    /** The role named {@code value} in the contract, or null. */
    public static Role of(String value) {
        return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst().orElse(null);
    }
}
