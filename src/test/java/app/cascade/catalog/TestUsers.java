package app.cascade.catalog;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Signs in the dev users of application-it.yml, with exactly the authorities the real sign-in gives them. */
public final class TestUsers {

    private TestUsers() {
    }

    public static Authentication authentication(ApplicationContext context, String username) {
        UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    /** Puts {@code username} into the {@link SecurityContextHolder} of this thread. */
    public static Authentication signIn(ApplicationContext context, String username) {
        Authentication auth = authentication(context, username);
        SecurityContextHolder.getContext().setAuthentication(auth);
        return auth;
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
