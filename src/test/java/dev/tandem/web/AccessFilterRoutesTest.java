package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.store.Role;
import org.junit.jupiter.api.Test;

/** Which routes {@link AccessFilter} guards, and with what. */
class AccessFilterRoutesTest {

    private static AccessFilter.Requirement needs(String method, String path) {
        return AccessFilter.requirement(method, path);
    }

    @Test
    void everythingUnderADocumentNeedsARoleOnIt() {
        assertThat(needs("GET", "/api/docs/notes")).isEqualTo(new AccessFilter.Requirement(false, "notes", Role.VIEWER));
        assertThat(needs("GET", "/api/docs/notes/text")).isEqualTo(new AccessFilter.Requirement(false, "notes", Role.VIEWER));
        assertThat(needs("GET", "/api/docs/notes/ops")).isEqualTo(new AccessFilter.Requirement(false, "notes", Role.VIEWER));
        assertThat(needs("HEAD", "/api/docs/notes")).isEqualTo(new AccessFilter.Requirement(false, "notes", Role.VIEWER));
        assertThat(needs("POST", "/api/docs/notes/anything")).isEqualTo(new AccessFilter.Requirement(false, "notes", Role.EDITOR));
        assertThat(needs("DELETE", "/api/docs/notes")).isEqualTo(new AccessFilter.Requirement(false, "notes", Role.EDITOR));
        assertThat(needs("GET", "/d/notes")).isEqualTo(new AccessFilter.Requirement(false, "notes", Role.VIEWER));
        assertThat(needs("GET", "/ws/docs/notes")).isEqualTo(new AccessFilter.Requirement(false, "notes", Role.VIEWER));
    }

    @Test
    void commentThreadsAreWrittenByCommentersAndUp() {
        assertThat(needs("GET", "/api/docs/notes/threads")).isEqualTo(new AccessFilter.Requirement(false, "notes", Role.VIEWER));
        assertThat(needs("POST", "/api/docs/notes/threads")).isEqualTo(new AccessFilter.Requirement(false, "notes", Role.COMMENTER));
        assertThat(needs("PUT", "/api/docs/notes/threads/t1/comments/c1"))
                .isEqualTo(new AccessFilter.Requirement(false, "notes", Role.COMMENTER));
        assertThat(needs("POST", "/api/docs/notes/versions")).isEqualTo(new AccessFilter.Requirement(false, "notes", Role.EDITOR));
    }

    @Test
    void listingCreatingAndAccountsNeedASignedInUser() {
        for (String path : new String[] {"/api/docs", "/api/docs/", "/api/access/notes", "/api/access/notes/link", "/api/users",
                "/api/me", "/api/tokens", "/api/tokens/abc"}) {
            assertThat(needs("GET", path)).as(path).isEqualTo(AccessFilter.Requirement.SIGNED_IN);
        }
        assertThat(needs("POST", "/api/docs")).isEqualTo(AccessFilter.Requirement.SIGNED_IN);
    }

    @Test
    void readOnlyLinksAndPagesAreNotItsBusiness() {
        for (String path : new String[] {"/", "/v/AAAAAAAAAAAAAAAAAAAAAA", "/api/view/AAAAAAAAAAAAAAAAAAAAAA", "/ws/view/x", "/health"}) {
            assertThat(needs("GET", path)).as(path).isEqualTo(AccessFilter.Requirement.NOTHING);
        }
    }
}
