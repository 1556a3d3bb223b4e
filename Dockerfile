# syntax=docker/dockerfile:1
# newsflow in a container: one image for every command (stages, producer, API and dashboard, plug-ins).
#   docker build -t newsflow .
#   docker run --rm newsflow --help
# The build stage compiles with the Maven wrapper (Maven Central reached from the build); the runtime stage is a
# plain Java 17 runtime with the CLI jar and its dependencies, running as an unprivileged user.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# The cache mount keeps the downloaded dependencies between builds.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /app newsflow
WORKDIR /app
COPY --from=build /src/cli/target/newsflow.jar cli/target/newsflow.jar
COPY --from=build /src/cli/target/lib cli/target/lib
COPY seeds seeds
RUN mkdir -p data && chown newsflow data
USER newsflow
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:CompileThresholdScaling=4"
ENTRYPOINT ["java", "-jar", "cli/target/newsflow.jar"]
CMD ["--help"]
