package se.kedja.audit.checkpoint;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 with the JDK's own provider: keys as X.509 / PKCS#8 bytes, signatures as
 * Base64.
 */
public final class Ed25519 {

	private Ed25519() {
	}

	static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance(Checkpoint.ALGORITHM).generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is part of every JDK since 15", ex);
		}
	}

	static KeyPair keyPair(byte[] x509PublicKey, byte[] pkcs8PrivateKey) {
		try {
			KeyFactory factory = KeyFactory.getInstance(Checkpoint.ALGORITHM);
			return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(x509PublicKey)),
					factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8PrivateKey)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("not an Ed25519 key pair", ex);
		}
	}

	static String sign(PrivateKey key, byte[] content) {
		try {
			Signature signature = Signature.getInstance(Checkpoint.ALGORITHM);
			signature.initSign(key);
			signature.update(content);
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 signing failed", ex);
		}
	}

	/**
	 * False for a wrong signature and for anything that is not a well-formed key or
	 * signature.
	 */
	public static boolean verify(String base64PublicKey, byte[] content, String base64Signature) {
		try {
			PublicKey key = KeyFactory.getInstance(Checkpoint.ALGORITHM)
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64PublicKey)));
			Signature signature = Signature.getInstance(Checkpoint.ALGORITHM);
			signature.initVerify(key);
			signature.update(content);
			return signature.verify(Base64.getDecoder().decode(base64Signature));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	/** A short, stable name for a public key: the first 16 hex digits of its SHA-256. */
	public static String keyId(byte[] x509PublicKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(x509PublicKey);
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
