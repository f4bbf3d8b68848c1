package se.kedja.audit.checkpoint;

import java.security.KeyPair;
import java.util.Base64;

/** The key pair this service signs checkpoints with. */
record SigningKey(String keyId, KeyPair keyPair) {

	static SigningKey of(KeyPair keyPair) {
		return new SigningKey(Ed25519.keyId(keyPair.getPublic().getEncoded()), keyPair);
	}

	String publicKeyBase64() {
		return Base64.getEncoder().encodeToString(keyPair.getPublic().getEncoded());
	}

	String sign(byte[] content) {
		return Ed25519.sign(keyPair.getPrivate(), content);
	}

}
