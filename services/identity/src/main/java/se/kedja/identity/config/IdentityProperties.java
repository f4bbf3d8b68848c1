package se.kedja.identity.config;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer the issuer URL the tokens name (and services validate)
 * @param keyFile where the signing key is generated on first start and kept
 * @param demoPassword the password of every demo account (demo only)
 * @param demoLoaderSecret the client secret of the {@code kedja-demo-loader} machine
 * client; the client is off without it
 * @param webRedirectUri the web's OIDC redirect URI
 * @param devTokenEndpoint whether {@code POST /dev/token} hands tokens for demo accounts
 * to curl; set only by the launcher
 * @param tokenLifetime how long an access token lives
 * @param tokensPerMinute the rate limit of the token and login endpoints, per client
 * address
 */
@ConfigurationProperties("kedja.identity")
public record IdentityProperties(String issuer, Path keyFile, String demoPassword, @Nullable String demoLoaderSecret,
		String webRedirectUri, boolean devTokenEndpoint, Duration tokenLifetime, int tokensPerMinute) {

}
