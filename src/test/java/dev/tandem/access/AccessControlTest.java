package dev.tandem.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.store.AccessStore;
import dev.tandem.store.ApiToken;
import dev.tandem.store.DocumentAccess;
import dev.tandem.store.Grantee;
import dev.tandem.store.InMemoryDocumentStore;
import dev.tandem.store.LinkSharing;
import dev.tandem.store.Role;
import dev.tandem.store.StoredUser;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessControlTest {

    private final InMemoryDocumentStore documents = new InMemoryDocumentStore();
    private final AtomicInteger ruleReads = new AtomicInteger();
    private final AccessStore store = counting(documents.access(), ruleReads);
    private final AccessControl control = new AccessControl(store, 1000);

    private final StoredUser ana = store.signIn("https://idp.example", "ana", "Ana", null, List.of());
    private final StoredUser bo = store.signIn("https://idp.example", "bo", "Bo", null, List.of("design"));
    private final Caller anaCaller = Caller.signedIn(ana, Set.of(), false);
    private final Caller boCaller = Caller.signedIn(bo, Set.of("design"), false);
    private final Caller admin = Caller.signedIn(store.signIn("https://idp.example", "root", "Root", null, List.of()), Set.of(), true);

    /** An access store that counts how often a document's rules are read. */
    private static AccessStore counting(AccessStore real, AtomicInteger reads) {
        return (AccessStore) Proxy.newProxyInstance(AccessStore.class.getClassLoader(), new Class<?>[] {AccessStore.class}, (proxy, method, args) -> {
            if (method.getName().equals("access")) {
                reads.incrementAndGet();
            }
            try {
                return method.invoke(real, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private String ownedByAna(String id) {
        documents.create(id);
        assertThat(control.claim(id, anaCaller)).isTrue();
        return id;
    }

    @Test
    void theStrongestOfOwnerEntriesGroupsAndLinkSharingCounts() {
        String doc = ownedByAna("notes");
        assertThat(control.roleOf(doc, anaCaller)).contains(Role.OWNER);
        assertThat(control.roleOf(doc, boCaller)).isEmpty();
        assertThat(control.roleOf(doc, Caller.ANONYMOUS)).isEmpty();
        assertThat(control.roleOf(doc, admin)).contains(Role.OWNER);

        control.share(doc, anaCaller, Grantee.group("design"), Role.COMMENTER);
        assertThat(control.roleOf(doc, boCaller)).contains(Role.COMMENTER);
        assertThat(control.roleOf(doc, Caller.signedIn(bo, Set.of(), false))).as("without the group this time").isEmpty();
        control.share(doc, anaCaller, Grantee.user(bo.id()), Role.VIEWER);
        assertThat(control.roleOf(doc, boCaller)).as("the group's role is stronger").contains(Role.COMMENTER);
        control.share(doc, anaCaller, Grantee.user(bo.id()), Role.EDITOR);
        assertThat(control.roleOf(doc, boCaller)).contains(Role.EDITOR);

        control.setLinkSharing(doc, anaCaller, LinkSharing.VIEW);
        assertThat(control.roleOf(doc, Caller.ANONYMOUS)).contains(Role.VIEWER);
        control.setLinkSharing(doc, anaCaller, LinkSharing.EDIT);
        assertThat(control.roleOf(doc, Caller.ANONYMOUS)).contains(Role.EDITOR);
    }

    @Test
    void aReadTokenIsAViewerWhateverItsOwnerMayDo() {
        String doc = ownedByAna("notes");
        assertThat(control.roleOf(doc, anaCaller.through(ApiToken.Scope.READ))).contains(Role.VIEWER);
        assertThat(control.roleOf(doc, anaCaller.through(ApiToken.Scope.WRITE))).contains(Role.OWNER);
        assertThat(control.share(doc, anaCaller.through(ApiToken.Scope.READ), Grantee.group("x"), Role.VIEWER))
                .isEqualTo(AccessControl.Change.FORBIDDEN);
        assertThat(control.roleOf(doc, boCaller.through(ApiToken.Scope.READ))).as("no role to cap").isEmpty();
    }

    @Test
    void documentsWithoutRulesAreForAdministratorsOnly() {
        documents.create("before-sign-in");
        assertThat(control.roleOf("before-sign-in", anaCaller)).isEmpty();
        assertThat(control.roleOf("before-sign-in", Caller.ANONYMOUS)).isEmpty();
        assertThat(control.roleOf("before-sign-in", admin)).contains(Role.OWNER);
        assertThat(control.roleOf("never-made", admin)).contains(Role.OWNER);

        assertThat(control.changeOwner("before-sign-in", admin, ana.id())).isEqualTo(AccessControl.Change.DONE);
        assertThat(control.roleOf("before-sign-in", anaCaller)).contains(Role.OWNER);
    }

    @Test
    void onlyOwnersShareAndOnlyAdministratorsMoveOwnership() {
        String doc = ownedByAna("notes");
        control.share(doc, anaCaller, Grantee.user(bo.id()), Role.EDITOR);

        assertThat(control.share(doc, boCaller, Grantee.group("ops"), Role.EDITOR)).isEqualTo(AccessControl.Change.FORBIDDEN);
        assertThat(control.setLinkSharing(doc, boCaller, LinkSharing.EDIT)).isEqualTo(AccessControl.Change.FORBIDDEN);
        assertThat(control.unshare(doc, boCaller, Grantee.user(bo.id()))).isEqualTo(AccessControl.Change.FORBIDDEN);
        assertThat(control.changeOwner(doc, anaCaller, bo.id())).isEqualTo(AccessControl.Change.FORBIDDEN);
        assertThat(control.share(doc, anaCaller, Grantee.user("nobody"), Role.EDITOR)).isEqualTo(AccessControl.Change.NOT_FOUND);
        assertThat(control.unshare(doc, anaCaller, Grantee.group("never-shared"))).isEqualTo(AccessControl.Change.NOT_FOUND);

        control.share(doc, anaCaller, Grantee.user(bo.id()), Role.OWNER);
        assertThat(control.share(doc, boCaller, Grantee.group("ops"), Role.VIEWER)).as("a co-owner shares").isEqualTo(AccessControl.Change.DONE);

        assertThat(control.changeOwner(doc, admin, bo.id())).isEqualTo(AccessControl.Change.DONE);
        assertThat(control.rules(doc).map(DocumentAccess::owner)).contains(bo.id());
        assertThat(control.roleOf(doc, anaCaller)).isEmpty();
    }

    @Test
    void rulesAreReadOnceNotPerCheck() {
        String doc = ownedByAna("notes");
        ruleReads.set(0);
        for (int i = 0; i < 10_000; i++) {
            control.roleOf(doc, i % 2 == 0 ? anaCaller : boCaller);
        }
        assertThat(ruleReads).hasValue(1);

        control.share(doc, anaCaller, Grantee.user(bo.id()), Role.VIEWER);
        int afterChange = ruleReads.get();
        for (int i = 0; i < 100; i++) {
            control.roleOf(doc, boCaller);
        }
        assertThat(ruleReads.get() - afterChange).as("read again once after the change").isLessThanOrEqualTo(2);
    }

    @Test
    void watchersSeeTheNewRoleTheMomentItChangesAndStopWhenClosed() throws Exception {
        String doc = ownedByAna("notes");
        control.share(doc, anaCaller, Grantee.user(bo.id()), Role.EDITOR);
        List<Optional<Role>> seen = new ArrayList<>();
        AutoCloseable watch = control.watch(doc, () -> seen.add(control.roleOf(doc, boCaller)));

        control.share(doc, anaCaller, Grantee.user(bo.id()), Role.VIEWER);
        control.unshare(doc, anaCaller, Grantee.user(bo.id()));
        assertThat(control.share(doc, boCaller, Grantee.user(bo.id()), Role.OWNER)).as("refused: no watcher call needed")
                .isEqualTo(AccessControl.Change.FORBIDDEN);
        assertThat(seen).containsExactly(Optional.of(Role.VIEWER), Optional.empty());

        watch.close();
        control.share(doc, anaCaller, Grantee.user(bo.id()), Role.EDITOR);
        assertThat(seen).hasSize(2);
        assertThat(control.watched()).isEmpty();
    }

    @Test
    void aChangeOnAnotherNodeReachesThisNodesWatchersAtItsNextPoll() throws Exception {
        String doc = ownedByAna("notes");
        control.share(doc, anaCaller, Grantee.user(bo.id()), Role.EDITOR);
        AccessControl otherNode = new AccessControl(store, 1000); // the same database, another node's memory
        assertThat(otherNode.roleOf(doc, boCaller)).contains(Role.EDITOR);
        List<Optional<Role>> seen = new ArrayList<>();
        otherNode.watch(doc, () -> seen.add(otherNode.roleOf(doc, boCaller)));
        java.time.Instant start = java.time.Instant.now();
        otherNode.poll(start);

        control.share(doc, anaCaller, Grantee.user(bo.id()), Role.VIEWER);
        assertThat(otherNode.roleOf(doc, boCaller)).as("kept on the other node until it polls").contains(Role.EDITOR);
        otherNode.poll(start.plus(AccessControl.POLL_INTERVAL));

        assertThat(seen).containsExactly(Optional.of(Role.VIEWER));
        assertThat(otherNode.roleOf(doc, boCaller)).contains(Role.VIEWER);
    }

    @Test
    void keptRulesAreBounded() {
        AccessControl small = new AccessControl(store, 10);
        for (int i = 0; i < 25; i++) {
            small.roleOf("doc-" + i, anaCaller);
        }
        assertThat(small.keptCount()).isLessThanOrEqualTo(10);
    }
}
