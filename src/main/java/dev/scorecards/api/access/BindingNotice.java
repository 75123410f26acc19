package dev.scorecards.api.access;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says at start-up who can reach the service, and how to change it (see {@link DefaultHost}). */
@ApplicationScoped
public class BindingNotice {
    private static final Logger LOG = Logger.getLogger(BindingNotice.class);

    private final boolean oidc;
    private final String host;

    BindingNotice(AccessConfig.Oidc oidc, AccessConfig.Http http) {
        this.oidc = oidc.tenantEnabled();
        this.host = http.host();
    }

    void started(@Observes StartupEvent start) {
        if (oidc) {
            return;
        }
        if (isLoopback(host)) {
            LOG.infof("Authentication is off (no OIDC): listening on %s only, so only this machine can call the"
                    + " service. To expose it, turn on OIDC (docs/security.md), or set QUARKUS_HTTP_HOST=0.0.0.0"
                    + " explicitly behind a network that is yours.", host);
        } else {
            LOG.warnf("Authentication is off (no OIDC) and quarkus.http.host=%s was set explicitly: every"
                    + " operation, writes included, is open to anyone who can reach this address.", host);
        }
    }

    static boolean isLoopback(String host) {
        return host.equals(DefaultHost.LOOPBACK) || host.equals("localhost") || host.equals("::1")
                || host.equals("[::1]");
    }
}
