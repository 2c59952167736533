/**
 * docs/openapi.yaml, read and used by the tests: the document's own checks, and real
 * answers from the route tests checked against the schemas it declares. The validator knows
 * exactly the JSON Schema keywords the document uses; any other keyword is reported, so a
 * schema the validator cannot read never passes by being skipped.
 */
import fs from 'node:fs';
import { parse } from 'yaml';

type Schema = Record<string, unknown>;
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
}

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Keywords the validator checks, and those that only describe. */
const CHECKED = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', '$ref', 'allOf', 'format', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems']);
const DESCRIBING = new Set(['description', 'example', 'default', 'title']);

let cached: OpenApiDocument | undefined;
export function openApiDocument(): OpenApiDocument {
  cached ??= parse(fs.readFileSync('docs/openapi.yaml', 'utf8')) as OpenApiDocument;
  return cached;
}

export function resolveRef(ref: string, doc = openApiDocument()): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are used: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
}

const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);

/** The problems of `value` against `schema`, as "path: what" sentences; [] when it conforms. */
export function schemaProblems(schema: Schema, value: unknown, at = '$'): string[] {
  const problems: string[] = [];
  for (const keyword of Object.keys(schema)) if (!CHECKED.has(keyword) && !DESCRIBING.has(keyword)) problems.push(`${at}: the schema uses "${keyword}", which this validator does not check`);
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref);
    return target ? [...problems, ...schemaProblems(target as Schema, value, at)] : [...problems, `${at}: $ref ${schema.$ref} does not resolve`];
  }
  for (const part of (schema.allOf as Schema[] | undefined) ?? []) problems.push(...schemaProblems(part, value, at));
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type as string | string[]);
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return [...problems, `${at}: is ${actual}, expected ${types.join(' or ')}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'string') {
    if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) problems.push(`${at}: "${value}" is not a date-time`);
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) problems.push(`${at}: shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) problems.push(`${at}: longer than ${schema.maxLength}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) problems.push(`${at}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) problems.push(`${at}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) problems.push(`${at}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) problems.push(`${at}: more than ${schema.maxItems} items`);
    if (schema.items) value.forEach((item, i) => problems.push(...schemaProblems(schema.items as Schema, item, `${at}[${i}]`)));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const name of (schema.required as string[] | undefined) ?? []) if (!(name in object)) problems.push(`${at}: lacks "${name}"`);
    for (const [name, item] of Object.entries(object)) {
      if (properties[name]) problems.push(...schemaProblems(properties[name], item, `${at}.${name}`));
      else if (schema.additionalProperties === false) problems.push(`${at}: has "${name}", which the schema does not allow`);
    }
  }
  return problems;
}

/**
 * The problems of a real answer against the operation's documented response: the status
 * must be documented, and a JSON body must match its schema.
 */
export function answerProblems(method: (typeof HTTP_METHODS)[number], path: string, status: number, body: unknown): string[] {
  const operation = openApiDocument().paths[path]?.[method] as { responses?: Record<string, unknown> } | undefined;
  if (!operation) return [`${method.toUpperCase()} ${path} is not in docs/openapi.yaml`];
  let response = operation.responses?.[String(status)] as Record<string, unknown> | undefined;
  if (!response) return [`${method.toUpperCase()} ${path} does not document the status ${status}`];
  if (typeof response.$ref === 'string') response = resolveRef(response.$ref) as Record<string, unknown>;
  const schema = (response.content as Record<string, { schema: Schema }> | undefined)?.['application/json']?.schema;
  return schema ? schemaProblems(schema, body).map((p) => `${method.toUpperCase()} ${path} ${status}: ${p}`) : [];
}
