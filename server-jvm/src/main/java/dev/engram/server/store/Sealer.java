package dev.engram.server.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secure tier's keys and cipher. Every key is derived from one secret, which is never stored: a
 * token key (HKDF-SHA256, info "scope token") that turns a scope's name into a keyed HMAC token, so the
 * store files each write under a token that reveals nothing without the secret; and per scope an
 * AES-256-GCM key (HKDF-SHA256, info "aes-256-gcm " + token). A sealed box is a random 96-bit nonce
 * followed by the ciphertext and its 128-bit tag; the token and the write's time are authenticated with
 * it, so a box moved to another scope or another time fails to open.
 *
 * <p>Thread-safe: per-scope keys are cached in a concurrent map; each seal or open uses its own Cipher.
 */
public final class Sealer {
  /** Shortest secret accepted (characters): a guessable secret would make the encryption decorative. */
  public static final int MIN_SECRET_CHARS = 16;
  private static final byte[] SALT = "engram secure tier v1".getBytes(UTF_8);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final byte[] prk;
  private final byte[] tokenKey;
  private final ConcurrentHashMap<String, SecretKeySpec> scopeKeys = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /** A sealer for {@code secret} (at least {@link #MIN_SECRET_CHARS} characters, surrounding blanks ignored). */
  public Sealer(String secret) {
    if (secret == null || secret.strip().length() < MIN_SECRET_CHARS) {
      throw new IllegalArgumentException("the secure tier's secret must be at least " + MIN_SECRET_CHARS
          + " characters (e.g. the output of: head -c 32 /dev/urandom | base64)");
    }
    prk = hmac(SALT, secret.strip().getBytes(UTF_8));
    tokenKey = expand("scope token");
  }

  /** The token a scope's writes are filed under: 32 hex digits of HMAC-SHA256 under the token key. */
  public String token(String scope) {
    return HexFormat.of().formatHex(hmac(tokenKey, scope.getBytes(UTF_8)), 0, 16);
  }

  /** Seals {@code plain} for the scope whose token is {@code token}, bound to {@code at}. */
  byte[] seal(String token, long at, byte[] plain) {
    byte[] box = new byte[NONCE_BYTES + plain.length + TAG_BITS / 8];
    random.nextBytes(box);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(token), new GCMParameterSpec(TAG_BITS, box, 0, NONCE_BYTES));
      cipher.updateAAD(aad(token, at));
      cipher.doFinal(plain, 0, plain.length, box, NONCE_BYTES);
      return box;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
    }
  }

  /** Opens a box sealed by {@link #seal}; a wrong secret or a changed box fails with a clear message. */
  byte[] open(String token, long at, byte[] box, String where) throws StoreException {
    if (box.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new StoreException(where + " is sealed but too short to be a sealed write; the store was left untouched");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(token), new GCMParameterSpec(TAG_BITS, box, 0, NONCE_BYTES));
      cipher.updateAAD(aad(token, at));
      return cipher.doFinal(box, NONCE_BYTES, box.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new StoreException(where + " does not open with this secret: the secret is not the one the store was"
          + " written with (check ENGRAM_SECRET or --secret-file), or the record was changed; nothing was loaded");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
    }
  }

  private SecretKeySpec key(String token) {
    return scopeKeys.computeIfAbsent(token, t -> new SecretKeySpec(expand("aes-256-gcm " + t), "AES"));
  }

  private static byte[] aad(String token, long at) {
    byte[] t = token.getBytes(UTF_8);
    byte[] aad = new byte[t.length + 8];
    System.arraycopy(t, 0, aad, 0, t.length);
    for (int i = 0; i < 8; i++) {
      aad[t.length + i] = (byte) (at >>> (56 - 8 * i));
    }
    return aad;
  }

  /** HKDF-Expand (RFC 5869) of one 32-byte block: all a 256-bit key needs. */
  private byte[] expand(String info) {
    byte[] in = (info + "\u0001").getBytes(UTF_8);
    return hmac(prk, in);
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
    }
  }
}
