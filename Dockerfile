# Caseway's app for a Camunda 8 cluster (profile camunda): built from this repository with the Maven
# wrapper (the tests run in CI, not here), run as an unprivileged user on a JRE.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -pl app -am package -DskipTests

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --no-create-home caseway
WORKDIR /app
COPY --from=build /src/app/target/caseway-app-*.jar /app/caseway.jar
USER caseway
EXPOSE 8090
ENV SPRING_PROFILES_ACTIVE=camunda
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/caseway.jar"]
