// Validates Kubernetes manifests against the Kubernetes API's own schemas (kubernetes-models: one model per
// apiVersion/kind, generated from the API's OpenAPI spec). Usage: node validate.mjs <file.yaml>...
// Prints one JSON object: {"documents":[{file, index, apiVersion, kind, name, object}], "errors":[{file, index, kind, name, error}]}
// and exits 1 when any document is invalid, of an unknown apiVersion/kind, or not YAML.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const documents = [];
const errors = [];
for (const file of process.argv.slice(2)) {
  let parsed;
  try {
    parsed = parseAllDocuments(readFileSync(file, "utf8"));
  } catch (e) {
    errors.push({ file, index: -1, error: String(e.message ?? e) });
    continue;
  }
  for (const [index, doc] of parsed.entries()) {
    if (doc.errors.length > 0) {
      errors.push({ file, index, error: doc.errors.map(e => e.message).join("; ") });
      continue;
    }
    const object = doc.toJS();
    if (object == null) continue;
    const { apiVersion, kind } = object;
    const name = object.metadata?.name ?? null;
    if (typeof apiVersion !== "string" || typeof kind !== "string") {
      errors.push({ file, index, kind: kind ?? null, name, error: "a Kubernetes object needs apiVersion and kind" });
      continue;
    }
    let Model;
    try {
      ({ [kind]: Model } = await import(`kubernetes-models/${apiVersion}/${kind}`));
    } catch {
      Model = undefined;
    }
    if (typeof Model !== "function") {
      errors.push({ file, index, kind, name, error: `unknown apiVersion/kind ${apiVersion}/${kind}` });
      continue;
    }
    try {
      new Model(object).validate();
      documents.push({ file, index, apiVersion, kind, name, object });
    } catch (e) {
      errors.push({ file, index, kind, name, error: String(e.message ?? e) });
    }
  }
}

process.stdout.write(JSON.stringify({ documents, errors }) + "\n");
process.exit(errors.length > 0 ? 1 : 0);
