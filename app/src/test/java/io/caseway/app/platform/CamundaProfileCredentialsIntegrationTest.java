package io.caseway.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.impl.oauth.OAuthCredentialsProvider;
import io.camunda.client.spring.properties.CamundaClientProperties;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * With CAMUNDA_AUTH_METHOD=oidc the client gets its tokens from the configured OpenID Connect
 * provider with the configured client credentials (workers are off: no provider answers here).
 */
@SpringBootTest(properties = {
    "CAMUNDA_GRPC_ADDRESS=https://zeebe.caseway.example:26500",
    "CAMUNDA_REST_ADDRESS=https://zeebe.caseway.example:8080",
    "CAMUNDA_AUTH_METHOD=oidc",
    "CAMUNDA_CLIENT_ID=caseway-app",
    "CAMUNDA_CLIENT_SECRET=not-a-real-secret",
    "CAMUNDA_TOKEN_URL=https://login.caseway.example/realms/camunda/protocol/openid-connect/token",
    "CAMUNDA_AUDIENCE=orchestration-api",
    "camunda.client.worker.defaults.enabled=false"})
@ActiveProfiles("camunda")
class CamundaProfileCredentialsIntegrationTest {
  @Autowired CamundaClient camunda;
  @Autowired CamundaClientProperties properties;

  @Test
  void usesTheConfiguredAddressesAndClientCredentials() {
    assertThat(camunda.getConfiguration().getGrpcAddress()).isEqualTo(URI.create("https://zeebe.caseway.example:26500"));
    assertThat(camunda.getConfiguration().getCredentialsProvider()).isInstanceOf(OAuthCredentialsProvider.class);
    assertThat(properties.getAuth().getClientId()).isEqualTo("caseway-app");
    assertThat(properties.getAuth().getTokenUrl())
        .isEqualTo(URI.create("https://login.caseway.example/realms/camunda/protocol/openid-connect/token"));
    assertThat(properties.getAuth().getAudience()).isEqualTo("orchestration-api");
  }
}
