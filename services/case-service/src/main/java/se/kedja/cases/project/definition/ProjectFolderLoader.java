package se.kedja.cases.project.definition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import se.kedja.events.ProjectId;

/**
 * At startup, reads every {@code *.yaml}, {@code *.yml} and {@code *.json} in
 * {@code kedja.projects.dir} and defines or revises the projects whose content changed. A
 * file named {@code orangeriet.yaml} defines project {@code orangeriet}. An invalid file
 * stops the start, with every problem and its line.
 */
@Component
class ProjectFolderLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ProjectFolderLoader.class);

	private final ProjectDefinitionReader reader;

	private final ProjectDefinitions definitions;

	private final String folder;

	ProjectFolderLoader(ProjectDefinitionReader reader, ProjectDefinitions definitions,
			@Value("${kedja.projects.dir:classpath:projects/}") String folder) {
		this.reader = reader;
		this.definitions = definitions;
		this.folder = folder.endsWith("/") ? folder : folder + "/";
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		Resource[] files = Arrays.stream(new String[] { "*.yaml", "*.yml", "*.json" })
			.flatMap((pattern) -> resources(resolver, this.folder + pattern))
			.sorted(Comparator.comparing(Resource::getFilename))
			.toArray(Resource[]::new);
		for (Resource file : files) {
			String name = file.getFilename();
			String id = name.substring(0, name.lastIndexOf('.'));
			String text = file.getContentAsString(StandardCharsets.UTF_8);
			LoadedDefinition loaded = this.reader.read(text, name, ProjectId.of(id));
			ProjectDefinitions.Outcome outcome = this.definitions.apply(loaded);
			log.info("Project definition {}: {}", name, outcome);
		}
	}

	private static java.util.stream.Stream<Resource> resources(PathMatchingResourcePatternResolver resolver,
			String pattern) {
		try {
			return Arrays.stream(resolver.getResources(pattern)).filter(Resource::exists);
		}
		catch (IOException ex) {
			if (ex instanceof java.io.FileNotFoundException) {
				return java.util.stream.Stream.empty();
			}
			throw new UncheckedIOException(ex);
		}
	}

}
