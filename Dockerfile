# Build stage: the Maven wrapper fetches Maven and the dependencies.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package

# Run stage: the jar alone, as an unprivileged user.
FROM eclipse-temurin:17-jre
# Offline cross-lingual search reads the FreeDict English<->Arabic dictionaries and the translated
# country names from the system at run time (GPL data: installed here, never bundled in the jar).
RUN apt-get update \
 && apt-get install -y --no-install-recommends dict-freedict-eng-ara dict-freedict-ara-eng iso-codes \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home newsqa
WORKDIR /app
COPY --from=build /src/target/newsqa.jar /app/newsqa.jar
USER newsqa
ENV NEWSQA_DATA_DIR=/home/newsqa/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/newsqa.jar"]
CMD ["serve"]
