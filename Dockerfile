# Build: the production jar (Vaadin bundle check + Spring Boot repackage; no Node involved).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY frontend frontend
COPY src src
# -Pserver-image: no embedded PostgreSQL binaries (issue 19): the image always runs against CASCADE_DB_URL
RUN ./mvnw -B -ntp -DskipTests -Pserver-image package && \
    java -Djarmode=tools -jar target/cascade-*.jar extract --layers --launcher --destination /layers

# Run: layered Spring Boot application on a JRE.
FROM eclipse-temurin:25-jre
WORKDIR /app
RUN useradd --system --uid 1001 cascade
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER cascade
EXPOSE 8080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
