package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link DocumentStore#access()}: users, owners, access entries, link sharing and API tokens. */
interface AccessContract extends StoreContract {

    private AccessStore access() {
        return store().access();
    }

    private StoredUser signIn(String subject) {
        return access().signIn("https://idp.example", subject, "User " + subject, subject + "@example.org", List.of());
    }

    @Test
    default void aSecondSignInKeepsTheIdAndTakesTheNewNameAndGroups() {
        StoredUser first = access().signIn("https://idp.example", "s-ana", "Ana", "ana@example.org", List.of("design", "ops"));
        StoredUser again = access().signIn("https://idp.example", "s-ana", "Ana Lima", null, List.of("design"));
        StoredUser otherIssuer = access().signIn("https://other.example", "s-ana", "Ana", null, List.of());

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(otherIssuer.id()).isNotEqualTo(first.id());
        assertThat(access().user(first.id())).contains(
                new StoredUser(first.id(), "https://idp.example", "s-ana", "Ana Lima", null, List.of("design")));
        assertThat(access().user("nobody")).isEmpty();
    }

    @Test
    default void usersAreFoundByTheStartOfNameEmailOrSubject() {
        StoredUser ana = access().signIn("https://idp.example", "s-ana", "Ana", "ana@example.org", List.of());
        StoredUser bo = access().signIn("https://idp.example", "s-bo", "Bo", "bo_x@example.org", List.of());

        assertThat(access().findUsers("an", 10)).containsExactly(ana);
        assertThat(access().findUsers("BO", 10)).containsExactly(bo);
        assertThat(access().findUsers("s-", 10)).containsExactly(ana, bo);
        assertThat(access().findUsers("s-", 1)).containsExactly(ana);
        assertThat(access().findUsers("bo_", 10)).as("_ is no wildcard").containsExactly(bo);
        assertThat(access().findUsers("b%", 10)).as("%% is no wildcard").isEmpty();
    }

    @Test
    default void theFirstClaimMakesTheOwnerWithLinkSharingOff() {
        StoredUser ana = signIn("ana");
        StoredUser bo = signIn("bo");
        store().create("notes");

        assertThat(access().access("notes")).isEmpty();
        assertThat(access().claim("notes", ana.id())).isTrue();
        assertThat(access().claim("notes", bo.id())).isFalse();
        assertThat(access().access("notes")).contains(new DocumentAccess("notes", ana.id(), Map.of(), LinkSharing.OFF));
    }

    @Test
    default void claimsNeedAnExistingDocumentAndUser() {
        StoredUser ana = signIn("ana");
        store().create("notes");

        assertThatThrownBy(() -> access().claim("missing", ana.id())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> access().claim("notes", "nobody")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
        assertThat(access().access("notes")).isEmpty();
    }

    @Test
    default void entriesAreGrantedChangedAndRevoked() {
        StoredUser ana = signIn("ana");
        StoredUser bo = signIn("bo");
        store().create("notes");
        access().claim("notes", ana.id());

        access().grant("notes", Grantee.user(bo.id()), Role.VIEWER);
        access().grant("notes", Grantee.group("design"), Role.COMMENTER);
        access().grant("notes", Grantee.user(bo.id()), Role.EDITOR);
        access().setLinkSharing("notes", LinkSharing.VIEW);

        assertThat(access().access("notes")).contains(new DocumentAccess("notes", ana.id(),
                Map.of(Grantee.user(bo.id()), Role.EDITOR, Grantee.group("design"), Role.COMMENTER), LinkSharing.VIEW));
        assertThat(access().groupNames()).containsExactly("design");
        access().grant("notes", Grantee.group("alpha"), Role.VIEWER);
        assertThat(access().groupNames()).containsExactly("alpha", "design");
        access().revoke("notes", Grantee.group("alpha"));
        assertThat(access().revoke("notes", Grantee.group("design"))).isTrue();
        assertThat(access().groupNames()).isEmpty();
        assertThat(access().revoke("notes", Grantee.group("design"))).isFalse();
        assertThat(access().access("notes").orElseThrow().entries()).isEqualTo(Map.of(Grantee.user(bo.id()), Role.EDITOR));
    }

    @Test
    default void sharingNeedsAnOwnedDocumentAndAKnownUser() {
        StoredUser ana = signIn("ana");
        store().create("unowned");
        store().create("notes");
        access().claim("notes", ana.id());

        assertThatThrownBy(() -> access().grant("unowned", Grantee.group("design"), Role.VIEWER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> access().setLinkSharing("unowned", LinkSharing.EDIT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> access().grant("notes", Grantee.user("nobody"), Role.VIEWER)).isInstanceOf(IllegalArgumentException.class);
        assertThat(access().access("notes").orElseThrow().entries()).isEmpty();
    }

    @Test
    default void aNewOwnerLosesTheirEntryAndTheOldOneKeepsNothing() {
        StoredUser ana = signIn("ana");
        StoredUser bo = signIn("bo");
        store().create("notes");
        access().claim("notes", ana.id());
        access().grant("notes", Grantee.user(bo.id()), Role.EDITOR);
        access().setLinkSharing("notes", LinkSharing.EDIT);

        access().changeOwner("notes", bo.id());

        assertThat(access().access("notes")).contains(new DocumentAccess("notes", bo.id(), Map.of(), LinkSharing.EDIT));
        assertThat(access().documentsOf(ana.id(), List.of(), 10)).isEmpty();
    }

    @Test
    default void myDocumentsAreOwnedOrSharedWithMeOrMyGroupsNewestFirst() {
        StoredUser ana = signIn("ana");
        StoredUser bo = signIn("bo");
        appendOrFail("old", 0, new Typing("ana-0001").type("a"), 1);
        store().create("bo-only");
        store().create("for-design");
        store().create("for-me");
        store().create("linked");
        store().create("unowned");
        for (String doc : List.of("old", "for-design", "for-me", "linked")) {
            access().claim(doc, ana.id());
        }
        access().claim("bo-only", bo.id());
        access().grant("for-me", Grantee.user(bo.id()), Role.VIEWER);
        access().grant("for-design", Grantee.group("design"), Role.EDITOR);
        access().setLinkSharing("linked", LinkSharing.EDIT);
        List<DocumentSummary> newestFirst = store().list(100);

        List<DocumentSummary> bos = access().documentsOf(bo.id(), List.of("design", "ops"), 10);
        assertThat(bos).as("in the order of the whole list").isEqualTo(
                newestFirst.stream().filter(d -> List.of("for-me", "for-design", "bo-only").contains(d.id())).toList());
        assertThat(bos).extracting(DocumentSummary::id).containsExactlyInAnyOrder("for-me", "for-design", "bo-only");
        List<DocumentSummary> withoutGroups = access().documentsOf(bo.id(), List.of(), 10);
        assertThat(withoutGroups).extracting(DocumentSummary::id).containsExactlyInAnyOrder("for-me", "bo-only");
        assertThat(access().documentsOf(bo.id(), List.of(), 1)).containsExactly(withoutGroups.get(0));
        assertThat(access().documentsOf(ana.id(), List.of(), 10)).extracting(DocumentSummary::id)
                .containsExactlyInAnyOrder("old", "for-design", "for-me", "linked");
        assertThat(access().ownedDocuments(10)).extracting(DocumentSummary::id)
                .containsExactlyInAnyOrder("old", "for-design", "for-me", "linked", "bo-only").doesNotContain("unowned");
    }

    @Test
    default void documentsWhoseRulesChangedAreFoundByTheTimeOfTheChange() throws Exception {
        StoredUser ana = signIn("ana");
        StoredUser bo = signIn("bo");
        store().create("quiet");
        store().create("shared");
        store().create("linked");
        access().claim("quiet", ana.id());
        access().claim("shared", ana.id());
        access().claim("linked", ana.id());
        Thread.sleep(5); // the next changes come strictly later than the claims
        Instant after = Instant.now();

        access().grant("shared", Grantee.user(bo.id()), Role.VIEWER);
        access().setLinkSharing("linked", LinkSharing.VIEW);

        assertThat(access().accessChangedSince(after)).containsExactlyInAnyOrder("shared", "linked");
        assertThat(access().accessChangedSince(after.minusSeconds(60))).containsExactlyInAnyOrder("quiet", "shared", "linked");
        assertThat(access().accessChangedSince(Instant.now().plusSeconds(60))).isEmpty();
        Thread.sleep(5);
        Instant later = Instant.now();
        access().revoke("shared", Grantee.user(bo.id()));
        access().changeOwner("quiet", bo.id());
        assertThat(access().accessChangedSince(later)).containsExactlyInAnyOrder("shared", "quiet");
    }

    @Test
    default void tokensAreFoundByDigestListedAndRevokedByTheirOwnerOnly() {
        StoredUser ana = signIn("ana");
        StoredUser bo = signIn("bo");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ApiToken backup = new ApiToken("t1", ana.id(), "backup", ApiToken.Scope.READ, now);
        ApiToken bot = new ApiToken("t2", ana.id(), "bot", ApiToken.Scope.WRITE, now.plusSeconds(1));
        access().saveToken(backup, "d".repeat(64));
        access().saveToken(bot, "e".repeat(64));

        assertThat(access().tokens(ana.id())).containsExactly(backup, bot);
        assertThat(access().tokens(bo.id())).isEmpty();
        assertThat(access().tokenOfDigest("e".repeat(64))).contains(bot);
        assertThat(access().tokenOfDigest("f".repeat(64))).isEmpty();
        assertThatThrownBy(() -> access().saveToken(new ApiToken("t3", ana.id(), "again", ApiToken.Scope.READ, now), "d".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> access().saveToken(new ApiToken("t4", "nobody", "x", ApiToken.Scope.READ, now), "a".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(access().revokeToken(bo.id(), "t1")).as("someone else's token").isFalse();
        assertThat(access().revokeToken(ana.id(), "t1")).isTrue();
        assertThat(access().tokenOfDigest("d".repeat(64))).isEmpty();
        assertThat(access().tokens(ana.id())).containsExactly(bot);
    }
}
