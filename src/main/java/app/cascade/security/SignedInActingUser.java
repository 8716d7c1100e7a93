package app.cascade.security;

import app.cascade.tenancy.ActingUser;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The signed-in user as the author of a district setting change (tenancy's audit). */
@Component
class SignedInActingUser implements ActingUser {

    private final CurrentUserService users;

    SignedInActingUser(CurrentUserService users) {
        this.users = users;
    }

    @Override
    public Optional<Who> current() {
        return users.current().map(user -> new Who(user.username(), user.displayName()));
    }
}
