package io.caseway.engine.gateway.grpc;

import io.caseway.engine.Engine;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The gRPC server on the gateway port (26500 by default). */
public final class GrpcGateway implements AutoCloseable {
  private final Server server;
  private final GatewayService service;

  public GrpcGateway(Engine engine, String host, int port) {
    this.service = new GatewayService(engine);
    try {
      this.server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
          .addService(service)
          .permitKeepAliveWithoutCalls(true)
          .permitKeepAliveTime(10, TimeUnit.SECONDS)
          .maxInboundMessageSize(16 * 1024 * 1024)
          .build()
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not open the gRPC gateway on " + host + ":" + port
          + " (is another engine or Zeebe running there?)", e);
    }
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    service.close();
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    }
  }
}
