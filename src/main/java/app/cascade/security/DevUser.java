package app.cascade.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** A demo user of dev mode (form login and HTTP Basic), configured under {@code cascade.security.dev-users}. */
public final class DevUser implements UserDetails {

    private final String username;
    private final String displayName;
    private final String email;
    private final String passwordHash;
    private final List<GrantedAuthority> authorities;

    public DevUser(String username, String displayName, String email, String passwordHash,
                   Collection<? extends GrantedAuthority> authorities) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.authorities = List.copyOf(authorities);
    }

    public String displayName() {
        return displayName;
    }

    /** The demo user's e-mail address, or null. */
    public String email() {
        return email;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        return "DevUser[" + username + "]";
    }
}
