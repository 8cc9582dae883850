package io.heitu.service.app;

/** The signed-in user as the pages show them (public for the templates). */
public record Me(String username, String mspId, String role, String organisation) {

    public boolean is(String... roles) {
        for (String candidate : roles) {
            if (candidate.equals(role)) {
                return true;
            }
        }
        return false;
    }
}
