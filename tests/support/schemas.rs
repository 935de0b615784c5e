//! The JSON Schemas records are validated against: IPTC's official ninjs 2.2 (strict records)
//! and the repo's extension schema built on it (full records). Format checks are on.

use serde_json::Value;

fn load(path: &str) -> Value {
    let path = format!("{}/specs/{path}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("schema file"))
        .expect("schema JSON")
}

fn options() -> jsonschema::ValidationOptions {
    // The one remote reference (GeoJSON, for places[].geometry) is not fetched: no network.
    jsonschema::options()
        .should_validate_formats(true)
        .with_resource(
            "https://geojson.org/schema/GeoJSON.json",
            jsonschema::Resource::from_contents(serde_json::json!({})),
        )
}

pub fn ninjs() -> jsonschema::Validator {
    options()
        .build(&load("ninjs/ninjs-schema_2.2.json"))
        .expect("the ninjs schema compiles")
}

pub fn extension() -> jsonschema::Validator {
    options()
        .with_resource(
            "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json",
            jsonschema::Resource::from_contents(load("ninjs/ninjs-schema_2.2.json")),
        )
        .build(&load("wirestream-ninjs-extension.json"))
        .expect("the extension schema compiles")
}

/// Every error of `document` against the schema its `standard.schema` names.
pub fn errors(
    document: &Value,
    ninjs: &jsonschema::Validator,
    extension: &jsonschema::Validator,
) -> Vec<String> {
    let validator = match document["standard"]["schema"].as_str() {
        Some("http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json") => ninjs,
        Some("urn:wirestream:schema:ninjs-2.2-extension:1") => extension,
        other => return vec![format!("unknown standard.schema {other:?}")],
    };
    validator
        .iter_errors(document)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}
