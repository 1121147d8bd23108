package com.tpwallet.walletdesk.support.internal;

import java.util.Optional;

/**
 * The hook every attachment passes before it is stored. The shipped implementation
 * recognises the EICAR test signature (what every antivirus engine detects, so the hook
 * can be proven end to end); an operator plugs a real engine (e.g. ClamAV over clamd) in
 * by providing another bean of this type.
 */
interface VirusScanner {

	/** The name of what was found, or empty when the content is clean. */
	Optional<String> scan(byte[] content);

}
