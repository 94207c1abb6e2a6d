# NewsQA image: `docker compose up` builds it (see docker-compose.yml), or
#   docker build -t newsqa . && docker run -p 8080:8080 newsqa
# The -noble tags pin the Ubuntu release the plain tags point at today, so the dictionary
# packages below stay where apt finds them (Ubuntu universe).

# Build stage: the Maven wrapper fetches Maven and the dependencies. The image is the product
# (the root pom.xml); the measuring tools (tools/) are a build of their own and stay out.
FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# Dependencies in their own layer: changing a source file does not download them again.
RUN ./mvnw -B -q dependency:go-offline
COPY src src
# pom.xml packages prompts/ into the jar; without it the app stops at start. PackagedJarIT builds
# from exactly what these COPY lines name, so a folder missing here fails the tests.
COPY prompts prompts
RUN ./mvnw -B -DskipTests package

# Run stage: the jar, a JRE, the FreeDict English<->Arabic dictionaries, an unprivileged user.
FROM eclipse-temurin:17-jre-noble
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       dict-freedict-eng-ara dict-freedict-ara-eng iso-codes \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --create-home --home-dir /home/newsqa newsqa
WORKDIR /app
COPY --from=build /src/target/newsqa.jar /app/newsqa.jar
USER newsqa
# The embedded archive (used when NEWSQA_DB_URL is empty) lives in the user's home.
ENV NEWSQA_DATA_DIR=/home/newsqa/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/newsqa.jar"]
CMD ["serve"]
