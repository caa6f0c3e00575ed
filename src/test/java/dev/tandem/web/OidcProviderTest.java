package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The ID token checks of {@link OidcProvider}: the provider's key set here is a fixed one (the
 * real provider's JWKS is what {@code OidcIT} uses), and each edge case is refused.
 */
class OidcProviderTest {

    private static final String ISSUER = "https://idp.example/realms/tandem";
    private static final String CLIENT = "tandem";

    private final RSAKey providerKey = key("provider");
    private final OidcProvider provider = new OidcProvider(ISSUER, CLIENT, "groups",
            new IDTokenValidator(new Issuer(ISSUER), new ClientID(CLIENT), JWSAlgorithm.RS256, new JWKSet(providerKey.toPublicJWK())));
    private final Nonce nonce = new Nonce();

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("ana-sub").audience(CLIENT)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce.getValue()).claim("name", "Ana Lima").claim("email", "ana@example.org")
                .claim("groups", List.of("/design", "ops"));
    }

    private static JWT signed(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt;
    }

    private JWT token(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return signed(providerKey, change.apply(claims()).build());
    }

    @Test
    void aValidTokenNamesTheUserWithTheirGroups() throws Exception {
        OidcProvider.Identity identity = provider.identity(provider.validate(token(c -> c), nonce));

        assertThat(identity).isEqualTo(new OidcProvider.Identity(ISSUER, "ana-sub", "Ana Lima", "ana@example.org", List.of("design", "ops")));
    }

    @Test
    void withoutANameThePreferredUsernameOrTheSubjectIsShown() throws Exception {
        assertThat(provider.identity(provider.validate(token(c -> c.claim("name", null).claim("preferred_username", "ana")), nonce)).name())
                .isEqualTo("ana");
        assertThat(provider.identity(provider.validate(token(c -> c.claim("name", null)), nonce)).name()).isEqualTo("ana-sub");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant then = Instant.now().minusSeconds(3600);
        JWT expired = token(c -> c.issueTime(Date.from(then)).expirationTime(Date.from(then.plusSeconds(300))));
        assertThatThrownBy(() -> provider.validate(expired, nonce)).isInstanceOf(OidcProvider.Refused.class).hasMessageContaining("xpired");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        JWT foreign = token(c -> c.issuer("https://evil.example/realms/tandem"));
        assertThatThrownBy(() -> provider.validate(foreign, nonce)).isInstanceOf(OidcProvider.Refused.class).hasMessageContaining("issuer");
    }

    @Test
    void aTokenForAnotherClientIsRefused() throws Exception {
        JWT other = token(c -> c.audience("another-app"));
        assertThatThrownBy(() -> provider.validate(other, nonce)).isInstanceOf(OidcProvider.Refused.class).hasMessageContaining("audience");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("provider").generate(); // same key id, other key
        JWT forged = signed(impostor, claims().build());
        assertThatThrownBy(() -> provider.validate(forged, nonce)).isInstanceOf(OidcProvider.Refused.class).hasMessageContaining("ignature");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        JWT unsigned = new PlainJWT(claims().build()); // alg: none
        assertThatThrownBy(() -> provider.validate(unsigned, nonce)).isInstanceOf(OidcProvider.Refused.class);
    }

    @Test
    void aTokenMacedWithAGuessableSecretIsRefused() throws Exception {
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        hmac.sign(new MACSigner("a-client-secret-that-is-32-bytes!".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> provider.validate(hmac, nonce)).isInstanceOf(OidcProvider.Refused.class);
    }

    @Test
    void aTokenForAnotherSignInIsRefused() throws Exception {
        JWT replayed = token(c -> c);
        assertThatThrownBy(() -> provider.validate(replayed, new Nonce())).isInstanceOf(OidcProvider.Refused.class).hasMessageContaining("nonce");
    }
}
