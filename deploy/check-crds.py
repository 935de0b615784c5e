#!/usr/bin/env python3
"""Schema check of the custom resources in rendered manifests (stdin): KEDA ScaledObject and
TriggerAuthentication, Prometheus Operator PodMonitor, against models generated from the projects'
own CRDs (cloudcoil-models-keda, cloudcoil-models-prometheus-operator). Types are validated by the
models; a key the CRD does not define is an error too (found by comparing the document with the
model's own dump of it). Core kinds are left to kubernetes-validate."""
import sys

import yaml
from cloudcoil.models.keda import v1alpha1 as keda
from cloudcoil.models.prometheus_operator import v1 as monitoring

MODELS = {
    ("keda.sh/v1alpha1", "ScaledObject"): keda.ScaledObject,
    ("keda.sh/v1alpha1", "TriggerAuthentication"): keda.TriggerAuthentication,
    ("monitoring.coreos.com/v1", "PodMonitor"): monitoring.PodMonitor,
    ("monitoring.coreos.com/v1", "ServiceMonitor"): monitoring.ServiceMonitor,
}


def unknown_keys(document, dumped, path=""):
    """Keys of `document` that the model dropped (not in its schema)."""
    if isinstance(document, dict):
        for key, value in document.items():
            if not isinstance(dumped, dict) or key not in dumped:
                yield f"{path}.{key}".lstrip(".")
            else:
                yield from unknown_keys(value, dumped[key], f"{path}.{key}")
    elif isinstance(document, list) and isinstance(dumped, list):
        for index, (item, dumped_item) in enumerate(zip(document, dumped)):
            yield from unknown_keys(item, dumped_item, f"{path}[{index}]")


def main():
    failures = 0
    checked = 0
    for document in yaml.safe_load_all(sys.stdin):
        if not document:
            continue
        key = (document.get("apiVersion"), document.get("kind"))
        if "/" not in (key[0] or "") or key[0].split("/")[0].endswith("k8s.io") or key[0] in ("apps/v1", "policy/v1"):
            continue
        model = MODELS.get(key)
        name = f"{key[1]}/{document.get('metadata', {}).get('name')}"
        if model is None:
            print(f"FAIL {name}: no schema for {key[0]} {key[1]}")
            failures += 1
            continue
        checked += 1
        try:
            parsed = model.model_validate(document)
        except Exception as error:  # pydantic's ValidationError lists every problem
            print(f"FAIL {name}: {error}")
            failures += 1
            continue
        dumped = parsed.model_dump(by_alias=True, exclude_none=True, mode="json")
        extra = list(unknown_keys(document, dumped))
        if extra:
            print(f"FAIL {name}: keys the CRD does not define: {', '.join(extra)}")
            failures += 1
        else:
            print(f"ok   {name}")
    if checked == 0:
        print("FAIL: no custom resources found")
        failures += 1
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
