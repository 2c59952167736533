// docs/openapi.yaml is checked here: it parses, every $ref resolves, every schema uses only
// keywords the answer checks read, and it describes exactly the routes app/api/v1 serves,
// method by method. The route tests check real answers against it (answerProblems).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postActivation } from '@/app/api/v1/activations/route';
import { POST as postDeactivation } from '@/app/api/v1/deactivations/route';
import { GET as getJwks } from '@/app/api/v1/jwks/route';
import { GET as getSeats } from '@/app/api/v1/licenses/[key]/seats/route';
import { POST as postRefresh } from '@/app/api/v1/refresh/route';
import { createTestLicense, makeMachine, setUpInstance } from '@/lib/testing/licensing-fixtures';
import { answerProblems, HTTP_METHODS, openApiDocument, resolveRef, schemaProblems } from '@/lib/testing/openapi';

process.env.GATEPASS_RATE_LIMIT_PER_MINUTE = '100000';
beforeAll(setUpInstance);

/** Every schema object in the document: under components.schemas, and every `schema:` of an operation. */
function schemasIn(node: unknown, out: Array<Record<string, unknown>> = [], isSchema = false): Array<Record<string, unknown>> {
  if (Array.isArray(node)) node.forEach((item) => schemasIn(item, out, isSchema));
  else if (node && typeof node === 'object') {
    const object = node as Record<string, unknown>;
    if (isSchema) out.push(object);
    for (const [key, value] of Object.entries(object)) {
      if (isSchema && (key === 'properties' || key === 'components')) for (const child of Object.values(value as object)) schemasIn(child, out, true);
      else if (isSchema && (key === 'items' || key === 'allOf')) schemasIn(value, out, true);
      else if (!isSchema) schemasIn(value, out, key === 'schema');
    }
  }
  return out;
}

describe('docs/openapi.yaml', () => {
  const doc = openApiDocument();

  it('is OpenAPI 3.1 whose refs all resolve and whose schemas use only checked keywords', () => {
    expect(doc.openapi).toBe('3.1.0');
    const all = [...schemasIn(doc.paths), ...Object.values(doc.components.schemas as Record<string, Record<string, unknown>>).flatMap((schema) => schemasIn({ schema }))];
    expect(all.length).toBeGreaterThan(50);
    const unknownKeywords = all.flatMap((schema) => schemaProblems(Object.fromEntries(Object.entries(schema).filter(([k]) => !['properties', 'items', 'allOf', '$ref', 'type', 'required', 'enum'].includes(k))), undefined));
    expect(unknownKeywords).toEqual([]);
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(40);
    for (const ref of refs) expect(resolveRef(JSON.parse(`{${ref}}`).$ref), ref).toBeDefined();
    // The checker itself: a wrong answer is caught.
    expect(schemaProblems({ $ref: '#/components/schemas/License' }, { id: 7 })).toContain('$.id: is integer, expected string');
  });

  it('describes exactly the routes app/api/v1 serves, method by method', () => {
    const served = (fs.readdirSync('app/api/v1', { recursive: true }) as string[])
      .filter((file) => path.basename(file) === 'route.ts')
      .flatMap((file) => {
        const source = fs.readFileSync(path.join('app/api/v1', file), 'utf8');
        const route = `/api/v1/${path.dirname(file)}`.replace(/\[[^\]]+\]/g, '{}');
        return HTTP_METHODS.filter((method) => new RegExp(`export (const|async function|function) ${method.toUpperCase()}\\b`).test(source)).map((method) => `${method} ${route}`);
      });
    const documented = Object.entries(doc.paths).flatMap(([route, item]) => HTTP_METHODS.filter((method) => method in item).map((method) => `${method} ${route.replace(/\{[^}]+\}/g, '{}')}`));
    expect(documented.sort()).toEqual(served.sort());
  });
});

describe('the public API answers what docs/openapi.yaml says', () => {
  const post = (path: string, body: string, type = 'text/plain') => new Request(`http://localhost${path}`, { method: 'POST', body, headers: { 'content-type': type, 'x-forwarded-for': '192.0.2.81' } });
  const check = async (method: 'get' | 'post', route: string, response: Response) => {
    const body = await response.json();
    expect(answerProblems(method, route, response.status, body)).toEqual([]);
    return body;
  };

  it('for activation, re-activation, refresh, seats, deactivation, the key set and refusals', async () => {
    const license = await createTestLicense({ seats: 1 });
    const machine = await makeMachine('openapi-box');
    const activation = await check('post', '/api/v1/activations', await postActivation(post('/api/v1/activations', await machine.request(license))));
    await check('post', '/api/v1/activations', await postActivation(post('/api/v1/activations', await machine.request(license))));
    await check('post', '/api/v1/refresh', await postRefresh(post('/api/v1/refresh', JSON.stringify({ license_key: license.key, seat_id: activation.seat_id }), 'application/json')));
    await check('get', '/api/v1/licenses/{key}/seats', await getSeats(new Request('http://localhost/x'), { params: Promise.resolve({ key: license.key }) }));
    await check('post', '/api/v1/activations', await postActivation(post('/api/v1/activations', await (await makeMachine('second')).request(license))));
    await check('post', '/api/v1/deactivations', await postDeactivation(post('/api/v1/deactivations', await machine.deactivation(activation.seat_id))));
    await check('get', '/api/v1/jwks', await getJwks());
    await check('post', '/api/v1/activations', await postActivation(post('/api/v1/activations', 'garbage')));
    await check('post', '/api/v1/refresh', await postRefresh(post('/api/v1/refresh', '{', 'application/json')));
  });
});
