package dev.tandem.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Tandem as an OpenID Connect relying party, all of it through Nimbus's OAuth 2.0 SDK with
 * OpenID Connect extensions (no hand-written token parsing or signature checks): the provider's
 * metadata from its discovery document, the authorization code flow with PKCE ({@code S256}),
 * {@code state} and {@code nonce}, the code exchanged with the client secret, the ID token
 * validated (signature through the provider's JWKS, {@code iss}, {@code aud}, {@code exp},
 * {@code iat}, the {@code nonce}; only {@code RS256}, so {@code alg: none} and HMAC tokens are
 * refused), refresh, and logout at the provider.
 *
 * <p>The metadata is fetched on first use (and again after a failure), so Tandem starts while the
 * provider is down. Threading: safe for concurrent use; the token calls block on the network.
 */
final class OidcProvider {

    /** What a validated ID token says about the user. */
    record Identity(String issuer, String subject, String name, String email, List<String> groups) {
    }

    /** The outcome of a code exchange or a refresh: who, and how to refresh later. */
    record SignedIn(Identity identity, RefreshToken refreshToken, long expiresAtEpochSecond) {
    }

    /** The provider refused, or answered what could not be trusted. */
    static final class Refused extends Exception {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Issuer issuer;
    private final ClientID clientId;
    private final Secret secret;
    private final String groupsClaim;
    private volatile OIDCProviderMetadata metadata;
    private volatile IDTokenValidator validator;

    OidcProvider(String issuer, String clientId, String secret, String groupsClaim) {
        this.issuer = new Issuer(issuer);
        this.clientId = new ClientID(clientId);
        this.secret = new Secret(secret);
        this.groupsClaim = groupsClaim;
    }

    /** For tests: a provider whose ID tokens are checked by {@code validator} (e.g. over a fixed key set). */
    OidcProvider(String issuer, String clientId, String groupsClaim, IDTokenValidator validator) {
        this(issuer, clientId, "unused-in-validation", groupsClaim);
        this.validator = validator;
    }

    private OIDCProviderMetadata metadata() throws Refused {
        OIDCProviderMetadata known = metadata;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (metadata == null) {
                try {
                    OIDCProviderMetadata resolved = OIDCProviderMetadata.resolve(issuer, 5_000, 5_000);
                    validator = new IDTokenValidator(issuer, clientId, JWSAlgorithm.RS256, resolved.getJWKSetURI().toURL());
                    metadata = resolved;
                } catch (GeneralException | IOException e) {
                    throw new Refused("the OpenID provider " + issuer + " cannot be reached or described: " + e.getMessage(), e);
                }
            }
            return metadata;
        }
    }

    /** Where to send the browser to sign in. */
    URI authorization(URI callback, State state, Nonce nonce, CodeVerifier verifier) throws Refused {
        return new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new Scope("openid", "profile", "email"),
                clientId, callback)
                .endpointURI(metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** Exchanges the code the browser brought back, and validates the ID token against {@code nonce}. */
    SignedIn exchange(AuthorizationCode code, URI callback, CodeVerifier verifier, Nonce nonce) throws Refused {
        return tokens(new AuthorizationCodeGrant(code, callback, verifier), nonce, null);
    }

    /** New tokens for a session: a refresh, whose ID token (if any) must be about the same user. */
    SignedIn refresh(RefreshToken refreshToken, Identity before) throws Refused {
        return tokens(new RefreshTokenGrant(refreshToken), null, before);
    }

    private SignedIn tokens(AuthorizationGrant grant, Nonce nonce, Identity before) throws Refused {
        OIDCProviderMetadata provider = metadata();
        TokenResponse response;
        try {
            TokenRequest request = new TokenRequest(provider.getTokenEndpointURI(), new ClientSecretBasic(clientId, secret), grant);
            response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
        } catch (IOException | ParseException e) {
            throw new Refused("the token endpoint failed: " + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            throw new Refused("the provider refused the " + (before == null ? "code" : "refresh") + ": "
                    + response.toErrorResponse().getErrorObject().getCode(), null);
        }
        OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
        JWT idToken = tokens.getOIDCTokens().getIDToken();
        RefreshToken refresh = Optional.ofNullable(tokens.getOIDCTokens().getRefreshToken()).orElse(null);
        if (idToken == null) {
            if (before == null) {
                throw new Refused("the provider gave no ID token", null);
            }
            long expires = System.currentTimeMillis() / 1000 + Math.max(60, tokens.getOIDCTokens().getAccessToken().getLifetime());
            return new SignedIn(before, refresh, expires);
        }
        IDTokenClaimsSet claims = validate(idToken, nonce);
        Identity identity = identity(claims);
        if (before != null && !before.subject().equals(identity.subject())) {
            throw new Refused("a refreshed ID token names another user", null);
        }
        return new SignedIn(identity, refresh, claims.getExpirationTime().toInstant().getEpochSecond());
    }

    /** Validates an ID token (signature, issuer, audience, expiry, and {@code nonce} unless {@code null}). */
    IDTokenClaimsSet validate(JWT idToken, Nonce nonce) throws Refused {
        try {
            if (validator == null) {
                metadata();
            }
            return validator.validate(idToken, nonce);
        } catch (BadJOSEException | JOSEException e) {
            throw new Refused("ID token refused: " + e.getMessage(), e);
        }
    }

    /** The user an ID token's claims describe; the name is {@code name}, else {@code preferred_username}, else the subject. */
    Identity identity(IDTokenClaimsSet claims) {
        String subject = claims.getSubject().getValue();
        String name = firstOf(claims.getStringClaim("name"), claims.getStringClaim("preferred_username"), subject);
        List<String> groups = Optional.ofNullable(claims.getStringListClaim(groupsClaim)).orElse(List.of());
        return new Identity(claims.getIssuer().getValue(), subject, name, claims.getStringClaim("email"),
                groups.stream().map(g -> g.startsWith("/") ? g.substring(1) : g).toList());
    }

    /** Where to send the browser to end its session at the provider too, or empty when it has no such endpoint. */
    Optional<URI> logout(URI afterwards) throws Refused {
        URI endpoint = metadata().getEndSessionEndpointURI();
        if (endpoint == null) {
            return Optional.empty();
        }
        return Optional.of(new LogoutRequest(endpoint, null, null, clientId, afterwards, null, null).toURI());
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalArgumentException("no value");
    }
}
