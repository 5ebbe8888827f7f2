// Prints a YAML file as JSON (the `yaml` package, YAML 1.2): how the tests read .github/workflows/load.yml.
// Usage: node yaml-json.mjs <file.yaml>; exits 1 with the parser's message when the file is not valid YAML.
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";

const file = process.argv[2];
const doc = parseDocument(readFileSync(file, "utf8"));
if (doc.errors.length > 0) {
  process.stderr.write(`${file}: ${doc.errors.map(e => e.message).join("; ")}\n`);
  process.exit(1);
}
process.stdout.write(JSON.stringify(doc.toJS()) + "\n");
