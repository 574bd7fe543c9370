import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** Twilio's published OpenAPI description of the 2010-04-01 REST API, read at test time. */
export const SPEC_PATH = path.resolve(repoRoot, '../shared/twilio/twilio_api_v2010.json');

type Schema = Record<string, unknown>;

interface OpenApiOperation {
  operationId?: string;
  parameters?: Array<{ name: string; in: string; schema: Schema; required?: boolean }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  'x-twilio'?: { conditional?: string[][] };
}

/** The parts of one operation the fake server checks requests against. */
export interface OperationContract {
  method: string;
  pathTemplate: string;
  /** Matches the path and captures each path parameter by name. */
  pathPattern: RegExp;
  /** Validates each path parameter's value against its schema. */
  pathParameters: Record<string, ValidateFunction>;
  contentType: string;
  /** Every form field the operation accepts. */
  fieldNames: Set<string>;
  /** Form fields whose schema is an array, so they may repeat. */
  arrayFields: Set<string>;
  /** Validates the decoded form with the request body schema, unknown fields rejected. */
  validateBody: ValidateFunction;
  /** Groups of form fields of which a request must carry at least one each. */
  conditionalGroups: string[][];
  /** Validates a success response body. */
  validateResponse: ValidateFunction;
}

const loaded = new Map<string, OperationContract>();

/** Loads the operation with this `operationId` from Twilio's OpenAPI description, once. */
export function loadOperation(operationId: string): OperationContract {
  const contract = loaded.get(operationId) ?? compileOperation(operationId);
  loaded.set(operationId, contract);

  return contract;
}

function compileOperation(operationId: string): OperationContract {
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as {
    paths: Record<string, Record<string, OpenApiOperation>>;
    components: { schemas: Record<string, Schema> };
  };
  const found = findOperation(spec.paths, operationId);
  const ajv = createAjv();
  const resolve = (schema: Schema) => inlineRefs(schema, spec.components.schemas) as Schema;
  const [contentType, media] = Object.entries(found.operation.requestBody?.content ?? {})[0] ?? [];
  if (contentType === undefined || media === undefined) {
    throw new Error(`${operationId} has no request body`);
  }
  const bodySchema: Schema = { ...resolve(media.schema), additionalProperties: false };
  const properties = bodySchema.properties as Record<string, Schema>;
  const success = Object.entries(found.operation.responses).find(([status]) =>
    status.startsWith('2'),
  );
  const responseSchema = success?.[1].content?.['application/json']?.schema ?? {};

  return {
    method: found.method.toUpperCase(),
    pathTemplate: found.path,
    pathPattern: new RegExp(
      `^${found.path.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`,
    ),
    pathParameters: Object.fromEntries(
      (found.operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => [parameter.name, ajv.compile(resolve(parameter.schema))]),
    ),
    contentType,
    fieldNames: new Set(Object.keys(properties)),
    arrayFields: new Set(
      Object.entries(properties)
        .filter(([, schema]) => schema.type === 'array')
        .map(([name]) => name),
    ),
    validateBody: ajv.compile(bodySchema),
    conditionalGroups: (found.operation['x-twilio']?.conditional ?? []).map((group) =>
      group.map(toFieldName),
    ),
    validateResponse: ajv.compile(resolve(responseSchema)),
  };
}

function findOperation(
  paths: Record<string, Record<string, OpenApiOperation>>,
  operationId: string,
): { path: string; method: string; operation: OpenApiOperation } {
  for (const [pathTemplate, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation?.operationId === operationId) {
        return { path: pathTemplate, method, operation };
      }
    }
  }
  throw new Error(`Operation ${operationId} not found in ${SPEC_PATH}`);
}

/** Ajv with the spec's formats; form values are strings, so they are coerced to the schema type. */
function createAjv(): Ajv {
  // strictTypes is off because the spec puts the string keyword `format` on an object (subresource_uris).
  const ajv = new Ajv({ allErrors: true, coerceTypes: 'array', strict: true, strictTypes: false });
  addFormats(ajv);
  ajv.addKeyword('x-twilio');
  ajv.addFormat('phone-number', /^(\+[1-9]\d{1,14}|[a-z]+:\S+)$/);
  ajv.addFormat('date-time-rfc-2822', {
    validate: (value: string) => !Number.isNaN(Date.parse(value)) && /\+0000$/.test(value),
  });
  ajv.addFormat('currency', /^[A-Z]{3}$/);
  ajv.addFormat('uri-map', true);

  return ajv;
}

/** Replaces every `#/components/schemas/...` reference with a copy of the schema it names. */
function inlineRefs(value: unknown, schemas: Record<string, Schema>): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => inlineRefs(item, schemas));
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const ref = (value as Schema).$ref;
  if (typeof ref === 'string') {
    const target = schemas[ref.replace('#/components/schemas/', '')];
    if (target === undefined) {
      throw new Error(`Unresolved reference ${ref}`);
    }

    return inlineRefs(target, schemas);
  }

  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, inlineRefs(item, schemas)]),
  );
}

/** Converts the spec's snake_case names in `x-twilio.conditional` to form field names. */
function toFieldName(snake: string): string {
  return snake.replace(/(^|_)([a-z])/g, (_match, _separator, letter: string) =>
    letter.toUpperCase(),
  );
}
