package io.caseway.app.platform;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the journeys ({@code caseway/processes/*.bpmn, *.dmn, *.form} from the {@code processes}
 * module) in one deployment. At start only when {@code caseway.processes.deploy-on-start} is true
 * (the embedded default; a cluster gets its versions from the process owners, not from every app
 * start). Deploying unchanged resources again keeps their versions.
 */
@Component
public class ProcessDeployer {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);
  private static final String[] PATTERNS = {
      "classpath*:caseway/processes/*.bpmn", "classpath*:caseway/processes/*.dmn",
      "classpath*:caseway/processes/*.form"};

  private final CamundaClient camunda;
  private final boolean deployOnStart;

  ProcessDeployer(CamundaClient camunda, @Value("${caseway.processes.deploy-on-start:false}") boolean deployOnStart) {
    this.camunda = camunda;
    this.deployOnStart = deployOnStart;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    if (deployOnStart) {
      DeploymentEvent deployed = deployAll();
      LOG.info("Deployed {} processes, {} decisions and {} forms", deployed.getProcesses().size(),
          deployed.getDecisions().size(), deployed.getForm().size());
    }
  }

  /** Deploys every journey resource on the classpath, and answers what the engine made of them. */
  public DeploymentEvent deployAll() {
    List<Resource> resources = resources();
    if (resources.isEmpty()) {
      throw new IllegalStateException("No process resources under caseway/processes/ on the classpath");
    }
    DeployResourceCommandStep1.DeployResourceCommandStep2 command = null;
    for (Resource r : resources) {
      try (InputStream in = r.getInputStream()) {
        command = (command == null ? camunda.newDeployResourceCommand() : command)
            .addResourceBytes(in.readAllBytes(), r.getFilename());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + r, e);
      }
    }
    return command.send().join();
  }

  static List<Resource> resources() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> all = new ArrayList<>();
    for (String pattern : PATTERNS) {
      try {
        all.addAll(Arrays.asList(resolver.getResources(pattern)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + pattern, e);
      }
    }
    all.sort(Comparator.comparing(Resource::getFilename));
    return all;
  }
}
