#!/usr/bin/python3
"""Reads newsflow's enriched articles from Kafka, in a consumer group of its own, and prints one line each.

An example of a consumer in another language than Java: it needs only a Kafka client (confluent-kafka,
Debian package python3-confluent-kafka) and the event contract (events/src/main/resources/dev/newsflow/
events/schemas). It reads committed records only, commits after each article it printed (at least once: after
a crash an article may be printed again), ignores fields it does not know (events only gain fields) and skips
events of an event type version it does not know.

    /usr/bin/python3 examples/python/consume_enriched.py --bootstrap-servers localhost:9092
    /usr/bin/python3 examples/python/consume_enriched.py --exit-at-end    # stop at the end of the topic

Each line: article id, detected language, countries, entities, title, separated by tabs.
"""
import argparse
import json
import signal
import sys

from confluent_kafka import Consumer, KafkaError, KafkaException

EVENT_TYPE = "dev.newsflow.article.enriched.v1"


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Print newsflow's enriched articles.")
    parser.add_argument("--bootstrap-servers", default="localhost:9092", help="Kafka cluster (default: %(default)s)")
    parser.add_argument("--topic", default="news.articles.enriched", help="topic to read (default: %(default)s)")
    parser.add_argument("--group", default="newsflow-python-example", help="consumer group (default: %(default)s)")
    parser.add_argument("--exit-at-end", action="store_true",
                        help="exit once every partition is read to its end, instead of waiting for more")
    return parser.parse_args(argv)


def header(headers, name):
    for key, value in headers or []:
        if key == name:
            return value.decode("utf-8") if value is not None else None
    return None


def describe(event):
    """One line for an EnrichedArticle event (see enriched-article.schema.json)."""
    article = event["article"]
    enrichment = event["enrichment"]
    entities = ";".join(entity["text"] for entity in enrichment.get("entities", []))
    return "\t".join([article["id"], enrichment["language"], ",".join(enrichment.get("countries", [])), entities,
                      article["title"]])


def main(argv):
    args = parse_args(argv)
    assigned = set()
    at_end = set()

    def on_assign(consumer, partitions):
        assigned.update((p.topic, p.partition) for p in partitions)

    def on_revoke(consumer, partitions):
        for p in partitions:
            assigned.discard((p.topic, p.partition))
            at_end.discard((p.topic, p.partition))

    consumer = Consumer({
        "bootstrap.servers": args.bootstrap_servers,
        "group.id": args.group,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "isolation.level": "read_committed",
        "enable.partition.eof": args.exit_at_end,
    })
    stopping = []
    signal.signal(signal.SIGTERM, lambda signum, frame: stopping.append(signum))
    printed = skipped = 0
    try:
        consumer.subscribe([args.topic], on_assign=on_assign, on_revoke=on_revoke)
        while not stopping:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                if message.error().code() == KafkaError._PARTITION_EOF:
                    at_end.add((message.topic(), message.partition()))
                    if args.exit_at_end and assigned and at_end >= assigned:
                        break
                    continue
                raise KafkaException(message.error())
            at_end.discard((message.topic(), message.partition()))
            event_type = header(message.headers(), "ce_type")
            if event_type != EVENT_TYPE:
                print(f"skipping {message.topic()}-{message.partition()}@{message.offset()}: event type {event_type}",
                      file=sys.stderr)
                skipped += 1
            else:
                try:
                    print(describe(json.loads(message.value())), flush=True)
                    printed += 1
                except (ValueError, KeyError, TypeError) as error:
                    print(f"skipping {message.topic()}-{message.partition()}@{message.offset()}: {error!r}",
                          file=sys.stderr)
                    skipped += 1
            consumer.commit(message=message, asynchronous=False)
    except KeyboardInterrupt:
        pass
    finally:
        consumer.close()
    print(f"articles: {printed}, skipped: {skipped}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
