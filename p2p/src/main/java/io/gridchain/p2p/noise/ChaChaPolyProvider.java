package io.gridchain.p2p.noise;

import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.crypto.Cipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where ChaCha20-Poly1305 comes from: Conscrypt (BoringSSL, native) when its library loads on
 * this platform, else the JDK's pure-Java cipher, which is about ten times slower.
 */
final class ChaChaPolyProvider {
  private static final Logger LOG = LoggerFactory.getLogger(ChaChaPolyProvider.class);
  private static final Provider NATIVE = loadConscrypt();

  private ChaChaPolyProvider() {}

  private static Provider loadConscrypt() {
    if (Boolean.getBoolean("gridchain.p2p.jdkCipher")) {
      return null;
    }
    try {
      Provider p = org.conscrypt.Conscrypt.newProvider();
      Cipher.getInstance("ChaCha20/Poly1305/NoPadding", p);
      return p;
    } catch (Throwable e) { // UnsatisfiedLinkError on a platform without the native part
      LOG.info("Conscrypt unavailable ({}); Noise uses the JDK's ChaCha20-Poly1305", e.toString());
      return null;
    }
  }

  static Cipher newCipher() {
    try {
      return NATIVE != null ? Cipher.getInstance("ChaCha20/Poly1305/NoPadding", NATIVE) : Cipher.getInstance("ChaCha20-Poly1305");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no ChaCha20-Poly1305 cipher", e);
    }
  }

  static String name() {
    return NATIVE != null ? "Conscrypt" : "JDK";
  }
}
