package io.caseway.processes;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The journeys' resources as they sit on the classpath, under {@code caseway/processes/}. */
final class ProcessResources {
  static final String FOLDER = "caseway/processes/";

  private ProcessResources() {}

  /** The file names in the folder that end with the given extension (".bpmn", ".form"), sorted. */
  static List<String> files(String extension) {
    try (Stream<Path> files = Files.list(folder())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path folder() {
    try {
      return Path.of(ProcessResources.class.getClassLoader().getResource(FOLDER).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deploys the named models together with every form of the folder, as the app deploys them. */
  static void deployWithForms(CamundaClient client, String... models) {
    var command = client.newDeployResourceCommand().addResourceFromClasspath(FOLDER + models[0]);
    for (int i = 1; i < models.length; i++) {
      command = command.addResourceFromClasspath(FOLDER + models[i]);
    }
    for (String form : files(".form")) {
      command = command.addResourceFromClasspath(FOLDER + form);
    }
    command.send().join();
  }
}
