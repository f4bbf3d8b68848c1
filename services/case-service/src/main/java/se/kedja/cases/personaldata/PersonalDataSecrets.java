package se.kedja.cases.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The cryptography of personal data: AES-GCM with a data key per participant, data keys
 * wrapped with a key derived from the configured secret, and an HMAC-SHA256 fingerprint
 * of a personnummer to find duplicate enrolments without storing the number in clear.
 */
@Component
class PersonalDataSecrets {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataSecrets.class);

	static final String DEV_SECRET = "kedja-development-only-personal-data-secret-not-for-real-data";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final SecretKey wrappingKey;

	private final SecretKeySpec fingerprintKey;

	PersonalDataSecrets(PersonalDataProperties properties, @Value("${kedja.dev-mode:false}") boolean devMode) {
		String secret = properties.key();
		if (secret == null || secret.isBlank()) {
			if (!devMode) {
				throw new IllegalStateException("KEDJA_PERSONAL_DATA_KEY (kedja.personal-data.key) is not set. "
						+ "Set it to a secret of at least 32 characters, or set KEDJA_DEV_MODE=true "
						+ "to use a built-in development key for demo data only.");
			}
			log.warn("Using the built-in development key for personal data (kedja.dev-mode=true)");
			secret = DEV_SECRET;
		}
		if (secret.length() < 32) {
			throw new IllegalStateException("KEDJA_PERSONAL_DATA_KEY must be at least 32 characters long");
		}
		byte[] master = secret.getBytes(StandardCharsets.UTF_8);
		this.wrappingKey = new SecretKeySpec(hmac(master, "kedja/key-wrapping"), "AES");
		this.fingerprintKey = new SecretKeySpec(hmac(master, "kedja/enrolment-fingerprint"), "HmacSHA256");
	}

	byte[] newDataKey() {
		try {
			KeyGenerator generator = KeyGenerator.getInstance("AES");
			generator.init(256, this.random);
			return generator.generateKey().getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	byte[] wrap(byte[] dataKey) {
		return encrypt(this.wrappingKey, dataKey);
	}

	byte[] unwrap(byte[] wrapped) {
		return decrypt(this.wrappingKey, wrapped);
	}

	byte[] encrypt(byte[] dataKey, byte[] plaintext) {
		return encrypt(new SecretKeySpec(dataKey, "AES"), plaintext);
	}

	byte[] decrypt(byte[] dataKey, byte[] ciphertext) {
		return decrypt(new SecretKeySpec(dataKey, "AES"), ciphertext);
	}

	byte[] fingerprint(Personnummer personnummer) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.fingerprintKey);
			return mac.doFinal(personnummer.value().getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] encrypt(SecretKey key, byte[] plaintext) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plaintext);
			byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	private byte[] decrypt(SecretKey key, byte[] sealed) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Decryption failed", ex);
		}
	}

	private static byte[] hmac(byte[] key, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
