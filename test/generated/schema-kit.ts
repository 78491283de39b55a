/** What the schema-check tests share: the reference schema files, and compact assertions on the issues found. */
import * as path from 'path';
import { checkAgainstSchemas, type ProviderSchemasJson, SCHEMA_DIR, type SchemaIssue } from '../support/provider-schema-check';

/** The reference schemas in generated/schemas. */
export const SCHEMAS = {
  LXD: path.join(SCHEMA_DIR, 'lxd.json'),
  LXD_V2: path.join(SCHEMA_DIR, 'lxd-v2.7.1.json'),
  INCUS: path.join(SCHEMA_DIR, 'incus.json'),
  MATCHBOX: path.join(SCHEMA_DIR, 'matchbox.json'),
  MULTIPASS: path.join(SCHEMA_DIR, 'multipass.json'),
  NULL: path.join(SCHEMA_DIR, 'null.json'),
};

/** `{ resource: { [type]: { [name]: body } } }` */
export const resource = (type: string, body: object, name = 'r') => ({ resource: { [type]: { [name]: body } } });

/** Issues reduced to `code path` strings, for compact assertions. */
export const summary = (issues: SchemaIssue[]) => issues.map((i) => `${i.code} ${i.path}`);

/** `check(tfJson, schemas = defaults)`: the summary of what checkAgainstSchemas finds. */
export const checkerFor =
  (defaults: Array<string | ProviderSchemasJson>) =>
  (tfJson: object, schemas: Array<string | ProviderSchemasJson> = defaults) =>
    summary(checkAgainstSchemas(tfJson, schemas));
