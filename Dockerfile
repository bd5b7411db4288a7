# The SessionKit mortgage chatbot sample, as Render (render.yaml) builds it.
# Build context: the repository root.

# 1. Build the sample's executable jar with the Maven wrapper (it fetches Maven itself).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY . .
RUN ./mvnw --batch-mode --no-transfer-progress --projects sample-mortgage-chatbot --also-make \
        package -DskipTests \
    && cp sample-mortgage-chatbot/target/sessionkit-sample-mortgage-chatbot-*.jar /workspace/app.jar

# 2. Run it on a small JRE image, as an unprivileged user.
FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S app && adduser -S -G app -h /app app
WORKDIR /app
COPY --from=build --chown=app:app /workspace/app.jar /app/app.jar
USER app
# The app listens on $PORT (Render sets it; 8080 when run elsewhere).
ENV PORT=8080
# Sized for 512 MB instances; render.yaml sets the same, and anything set at run time wins.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
