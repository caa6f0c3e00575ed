package dev.tandem.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.store.AccessStore;
import dev.tandem.store.ApiToken;
import dev.tandem.store.InMemoryDocumentStore;
import dev.tandem.store.StoredUser;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

    private final AccessStore store = new InMemoryDocumentStore().access();
    private final ApiTokens tokens = new ApiTokens(store, new Admins(List.of("group:admins")), Clock.systemUTC());
    private final StoredUser ana = store.signIn("https://idp.example", "ana", "Ana", null, List.of("admins"));
    private final Caller anaCaller = Caller.signedIn(ana, Set.of("admins"), true);

    @Test
    void aSecretStandsForItsOwnerWithinItsScope() {
        ApiTokens.Made made = tokens.make(anaCaller, "backup", ApiToken.Scope.READ).orElseThrow();

        assertThat(made.secret()).startsWith(ApiTokens.PREFIX).hasSizeGreaterThan(40);
        Caller caller = tokens.callerOf(made.secret()).orElseThrow();
        assertThat(caller.user()).isEqualTo(ana);
        assertThat(caller.scope()).isEqualTo(ApiToken.Scope.READ);
        assertThat(caller.groups()).containsExactly("admins");
        assertThat(caller.admin()).isTrue();
        assertThat(caller.mayWrite()).isFalse();
        assertThat(tokens.of(anaCaller)).containsExactly(made.token());
    }

    @Test
    void onlyTheDigestIsStored() {
        ApiTokens.Made made = tokens.make(anaCaller, "bot", ApiToken.Scope.WRITE).orElseThrow();

        assertThat(store.tokenOfDigest(made.secret())).isEmpty();
        assertThat(store.tokenOfDigest(ApiTokens.digest(made.secret()))).contains(made.token());
    }

    @Test
    void unknownForgedAndRevokedSecretsStandForNobody() {
        ApiTokens.Made made = tokens.make(anaCaller, "bot", ApiToken.Scope.WRITE).orElseThrow();

        assertThat(tokens.callerOf(null)).isEmpty();
        assertThat(tokens.callerOf("")).isEmpty();
        assertThat(tokens.callerOf(made.secret() + "x")).isEmpty();
        assertThat(tokens.callerOf(made.secret().substring(ApiTokens.PREFIX.length()))).isEmpty();

        assertThat(tokens.revoke(anaCaller.through(ApiToken.Scope.WRITE), made.token().id())).as("a token cannot revoke").isFalse();
        assertThat(tokens.revoke(anaCaller, made.token().id())).isTrue();
        assertThat(tokens.callerOf(made.secret())).isEmpty();
        assertThat(tokens.revoke(anaCaller, made.token().id())).isFalse();
    }

    @Test
    void neitherTheAnonymousNorATokenMakesTokens() {
        assertThat(tokens.make(Caller.ANONYMOUS, "x", ApiToken.Scope.READ)).isEmpty();
        assertThat(tokens.make(anaCaller.through(ApiToken.Scope.WRITE), "x", ApiToken.Scope.WRITE)).isEmpty();
        assertThat(tokens.of(Caller.ANONYMOUS)).isEmpty();
    }
}
