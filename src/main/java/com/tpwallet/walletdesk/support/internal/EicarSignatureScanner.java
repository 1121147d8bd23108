package com.tpwallet.walletdesk.support.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EicarSignatureScanner {

	/**
	 * The standard antivirus test file (harmless by design), split so that this class
	 * itself is not flagged.
	 */
	static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

	@Bean
	@ConditionalOnMissingBean(VirusScanner.class)
	VirusScanner eicarScanner() {
		byte[] signature = EICAR.getBytes(StandardCharsets.US_ASCII);
		return content -> indexOf(content, signature) >= 0 ? Optional.of("EICAR-Test-File") : Optional.empty();
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
