package com.tpwallet.walletdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	static final Path DOCS = Path.of("docs/modules");

	ApplicationModules modules = ApplicationModules.of(WalletdeskApplication.class);

	@Test
	void verifiesModularStructure() {
		modules.verify();
	}

	/**
	 * Writes the diagrams and canvases into docs/modules when what they say changed.
	 * Spring Modulith lists relations and events in no fixed order from one run to the
	 * next, so a file that differs only in its order of lines is left as committed (in a
	 * canvas the first item of a list cell carries the cell's "|").
	 */
	@Test
	void writesTheModuleDocumentationIntoDocs() throws IOException {
		Path fresh = Files.createTempDirectory("modules");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(fresh.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		Files.createDirectories(DOCS);
		try (Stream<Path> written = Files.list(fresh)) {
			for (Path file : written.toList()) {
				Path committed = DOCS.resolve(file.getFileName());
				if (!Files.exists(committed) || !sortedLines(file).equals(sortedLines(committed))) {
					Files.copy(file, committed, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static List<String> sortedLines(Path file) throws IOException {
		return Files.readAllLines(file)
			.stream()
			.map(line -> line.startsWith("|* ") ? line.substring(1) : line)
			.sorted()
			.toList();
	}

}
