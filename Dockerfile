# Builds the application image: ./mvnw -B package -DskipTests && docker compose build
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 tracker
WORKDIR /app
COPY target/tracker-*.jar /app/tracker.jar
USER tracker
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/tracker.jar"]
