# Reads Prometheus text format on stdin with the official Python client's parser (Debian's
# python3-prometheus-client) and prints the families and samples as JSON: the tests compare
# what a real consumer of the format reads with what taskgate meant to write.
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

families = []
for f in text_string_to_metric_families(sys.stdin.read()):
    families.append({
        "name": f.name,
        "type": f.type,
        "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in f.samples],
    })
json.dump(families, sys.stdout)
