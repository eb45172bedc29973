import { randomUUID } from 'node:crypto';
import {
  CONTENT_TYPES,
  DATE_QUERY_VALUES,
  EXTRA_KEYS,
  fieldValues,
  type Limits,
  malformedBodies,
  objectPathsOf,
  oddHeaders,
  pathParamValues,
  QUERY_EXTRAS,
  QUERY_VALUES,
  queryShapes,
  slotsOf,
  TEMPLATE_INJECTIONS,
  toJsonText,
  withValueAt,
} from './hostile-payloads';
import type { HostileRequest } from './hostile-probe';

/** One operation of the OpenAPI document. */
export interface Route {
  method: string;
  path: string;
  query: string[];
  /** Query parameters documented as date-times, which also get out-of-range dates. */
  dateQuery: string[];
  headers: string[];
  hasBody: boolean;
}

interface Parameter {
  in: string;
  name: string;
  schema?: { format?: string };
}

type OpenApiDocument = { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation the app documents, so routes added later are covered without being listed. */
export function routesOf(doc: OpenApiDocument): Route[] {
  const named = (parameters: Parameter[] | undefined, where: string, format?: string) =>
    (parameters ?? []).filter((p) => p.in === where && (format === undefined || p.schema?.format === format)).map((p) => p.name);
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        query: named(operation.parameters, 'query'),
        dateQuery: named(operation.parameters, 'query', 'date-time'),
        headers: named(operation.parameters, 'header'),
        hasBody: operation.requestBody !== undefined,
      })),
  );
}

/** Rows the requests point at, so path parameters and bodies can reach the deepest code. */
export interface HostileFixtures {
  keys: Record<'admin' | 'read' | 'write' | 'revoked' | 'victim', { id: string; key: string }>;
  /** `promptops_session=<token>` of a console session signed in with the admin key. */
  adminSessionCookie: string;
  /** Used by bodies (executions, datasets, runs); never changed by the requests. */
  templateId: string;
  templateName: string;
  /** Stands in for `{id}` on template routes, which deactivate, roll back and delete it. */
  victimTemplateId: string;
  schemaId: string;
  datasetId: string;
  entryId: string;
  executionId: string;
  runId: string;
}

const SQL_INJECTION_FORM = "' OR 1=1; drop table api_keys; --";
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const jsonHeaders = (key: string) => ({ ...bearer(key), 'content-type': 'application/json' });

function withBody(body: unknown): string | undefined {
  return body === undefined ? undefined : toJsonText(body);
}

function paramsOf(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

/** `count` items of `list` starting at a position that moves with `seed`, so each item hits several routes. */
function rotating<T>(list: readonly T[], seed: number, count: number): T[] {
  return Array.from({ length: Math.min(count, list.length) }, (_, i) => list[(seed * count + i) % list.length]!);
}

/** Builds the hostile requests for one app's routes and fixtures. */
export class HostileRequests {
  /** Every Authorization header value sent, none of which may reach a log line. */
  readonly authorizationValues = new Set<string>();
  private counter = 0;

  constructor(
    private readonly fx: HostileFixtures,
    private readonly limits: Limits,
    private readonly metricsToken: string,
  ) {}

  private unique(prefix: string): string {
    return `${prefix} ${++this.counter}`;
  }

  /** Valid bodies per route, so a mutation of one field reaches the code behind validation. */
  private baseBody(route: Route): unknown {
    const entry = { input_data: { user: 'u', nested: { list: [1, 'two'] } }, expected_output: { answer: 'A' }, tags: ['t'] };
    const bodies: Record<string, () => unknown> = {
      'POST /v1/templates': () => ({
        name: this.unique('Hostile made'),
        user_prompt_template: 'Hi {{ user }}',
        system_prompt: 'Be brief.',
        description: 'd',
        category: 'chat',
        provider: 'mock',
        model: 'm',
        temperature: 0.5,
        max_tokens: 100,
        max_validation_retries: 1,
        is_active: true,
        input_schema: { type: 'object', properties: { user: { type: 'string' } } },
        output_schema: null,
      }),
      'PATCH /v1/templates/{id}': () => ({ description: 'd', category: 'chat', is_active: true }),
      'POST /v1/templates/{id}/versions': () => ({ user_prompt_template: 'Version {{ user }}', input_schema: { type: 'object' } }),
      'POST /v1/templates/{id}/duplicate': () => ({ name: this.unique('Hostile copy'), description: 'copy' }),
      'POST /v1/templates/{id}/rollback': () => ({ version: 1 }),
      'POST /v1/templates/{id}/render': () => ({ context: { user: 'u', nested: { list: [1, 'two'] } } }),
      'POST /v1/templates/{id}/schemas': () => ({ schema_type: 'output', schema_json: { type: 'object', properties: { a: { type: 'string' } } }, name: 's' }),
      'PUT /v1/schemas/{id}': () => ({ schema_json: { type: 'object', properties: { a: { type: 'string' } } }, name: 's' }),
      'POST /v1/schemas/validate': () => ({ schema_json: { type: 'object', properties: { a: { type: 'string' } } } }),
      'POST /v1/templates/generate': () => ({
        description: 'Summarise a support ticket',
        input_context: 'ticket',
        name: this.unique('Generated'),
        category: 'chat',
        provider: 'mock',
      }),
      'POST /v1/executions': () => ({
        template_id: this.fx.templateId,
        context: { user: 'u', nested: { list: [1, 'two'] } },
        provider: 'mock',
        temperature: 0.5,
      }),
      'POST /v1/datasets': () => ({ name: this.unique('Hostile set'), description: 'd', template: this.fx.templateId }),
      'PATCH /v1/datasets/{id}': () => ({ name: this.unique('Hostile renamed'), description: 'd' }),
      'POST /v1/datasets/{id}/entries': () => entry,
      'PATCH /v1/datasets/{id}/entries/{entryId}': () => entry,
      'POST /v1/datasets/{id}/entries/import': () => ({ entries: [entry] }),
      'POST /v1/datasets/{id}/runs': () => ({
        template: this.fx.templateId,
        scorers: [{ type: 'exact_match', ignore_case: true }],
        concurrency: 1,
        repetitions: 1,
        tags: ['t'],
        tag_match: 'any',
        provider: 'mock',
      }),
      'POST /v1/keys': () => ({ name: 'made', scopes: ['read'] }),
      'POST /v1/session': () => ({ key: this.fx.keys.read.key }),
    };
    return bodies[`${route.method} ${route.path}`]?.() ?? (route.hasBody ? { name: 'x' } : undefined);
  }

  /** The fixture a path parameter names, judged by the segment before it; none for routes added later. */
  private realIdFor(path: string, param: string): string | undefined {
    const segment = path.split('/')[path.split('/').indexOf(`{${param}}`) - 1];
    const ids: Record<string, string> = {
      templates: this.fx.victimTemplateId,
      schemas: this.fx.schemaId,
      datasets: this.fx.datasetId,
      entries: this.fx.entryId,
      executions: this.fx.executionId,
      runs: this.fx.runId,
      keys: this.fx.keys.victim.id,
    };
    return segment ? ids[segment] : undefined;
  }

  /** Query values that let the other parameters pass, so one hostile parameter is judged at a time. */
  private plausibleQuery(route: Route): Record<string, string> {
    const known: Record<string, string> = {
      base: this.fx.runId,
      candidate: this.fx.runId,
      against: '1',
      limit: '5',
      offset: '0',
      template_id: this.fx.templateId,
      run_id: this.fx.runId,
    };
    return Object.fromEntries(route.query.filter((name) => known[name] !== undefined).map((name) => [name, known[name]!]));
  }

  private fill(path: string, overrides: Record<string, string> = {}): string {
    return path.replace(/\{(\w+)\}/g, (_, name: string) => overrides[name] ?? this.realIdFor(path, name) ?? randomUUID());
  }

  private authVariants(): Array<[string, Record<string, string>]> {
    const wrong = `po_${'f'.repeat(32)}_${'w'.repeat(43)}`;
    const variants: Array<[string, Record<string, string>]> = [
      ['no key', {}],
      ['wrong key', bearer(wrong)],
      ['revoked key', bearer(this.fx.keys.revoked.key)],
      ['read key', bearer(this.fx.keys.read.key)],
      ['write key', bearer(this.fx.keys.write.key)],
      ['admin key', bearer(this.fx.keys.admin.key)],
      [
        'admin session, console headers',
        { cookie: this.fx.adminSessionCookie, 'x-promptops-csrf': '1', 'sec-fetch-site': 'same-origin', origin: 'http://localhost' },
      ],
      ['admin session, cross-site', { cookie: this.fx.adminSessionCookie, 'sec-fetch-site': 'cross-site' }],
      ['metrics token', bearer(this.metricsToken)],
      ['bare Bearer', { authorization: 'Bearer' }],
      ['Basic scheme', { authorization: `Basic ${Buffer.from(`admin:${this.fx.keys.admin.key}`).toString('base64')}` }],
      ['no scheme', { authorization: this.fx.keys.admin.key }],
      ['two tokens', { authorization: `Bearer ${this.fx.keys.admin.key} ${this.fx.keys.admin.key}` }],
      ['two headers', { authorization: `Bearer ${this.fx.keys.admin.key}, Bearer ${wrong}` }],
      ['10 kB token', bearer(`po_${'a'.repeat(10_240)}`)],
      ['SQL token', bearer("po_' OR '1'='1")],
      ['Latin-1 token', bearer(`po_${'ÿ'.repeat(32)}_${'þ'.repeat(43)}`)],
      ['key with a tail', bearer(`${this.fx.keys.admin.key}x`)],
    ];
    for (const [, headers] of variants) if (headers.authorization) this.authorizationValues.add(headers.authorization);
    return variants;
  }

  /** Every hostile request for the documented routes. */
  documented(routes: Route[]): HostileRequest[] {
    const requests: HostileRequest[] = [];
    const admin = this.fx.keys.admin.key;
    const add = (route: Route, label: string, path: string, headers: Record<string, string>, body?: string | Uint8Array) =>
      requests.push({ label, method: route.method, path, headers, ...(body === undefined || route.method === 'GET' ? {} : { body }) });
    const auth = this.authVariants();
    const [keyVariants, malformedAuth] = [auth.slice(0, 9), auth.slice(9)];
    const bodies = malformedBodies(this.limits);

    routes.forEach((route, index) => {
      // Path parameters, one at a time, the others real.
      for (const param of paramsOf(route.path)) {
        for (const [label, value] of pathParamValues(this.realIdFor(route.path, param), this.fx.templateName)) {
          add(route, `${param}: ${label}`, this.fill(route.path, { [param]: value }), jsonHeaders(admin), withBody(this.baseBody(route)));
        }
      }
      // Credentials: every kind of key everywhere; malformed headers, which the route never sees, in turns.
      for (const [label, headers] of [...keyVariants, ...rotating(malformedAuth, index, 3)]) {
        add(route, label, this.fill(route.path), { ...headers, 'content-type': 'application/json' }, withBody(this.baseBody(route)));
      }
      // Odd headers: idempotency keys where the route reads them, the rest in turns.
      const [idempotency, others] = [oddHeaders().filter(([, h]) => 'idempotency-key' in h), oddHeaders().filter(([, h]) => !('idempotency-key' in h))];
      for (const [label, headers] of [...(route.headers.includes('idempotency-key') ? idempotency : []), ...rotating(others, index, 2)]) {
        add(route, label, this.fill(route.path), { ...jsonHeaders(admin), ...headers }, withBody(this.baseBody(route)));
      }
      // Query strings: each declared parameter gets every hostile value, the others stay plausible.
      const plausible = this.plausibleQuery(route);
      const query = (own: string, name?: string) =>
        [
          own,
          ...Object.entries(plausible)
            .filter(([other]) => other !== name)
            .map(([other, value]) => `${other}=${value}`),
        ].join('&');
      const body = route.method === 'GET' ? undefined : withBody(this.baseBody(route));
      for (const name of route.query) {
        const values = route.dateQuery.includes(name) ? [...QUERY_VALUES, ...DATE_QUERY_VALUES] : QUERY_VALUES;
        for (const [label, value] of values)
          add(route, `?${name}: ${label}`, `${this.fill(route.path)}?${query(`${name}=${value}`, name)}`, jsonHeaders(admin), body);
        for (const [label, shape] of queryShapes(name))
          add(route, `?${name}: ${label}`, `${this.fill(route.path)}?${query(shape, name)}`, jsonHeaders(admin), body);
      }
      for (const [label, extra] of QUERY_EXTRAS) add(route, label, `${this.fill(route.path)}?${query(extra)}`, jsonHeaders(admin), body);

      if (route.method === 'GET' || route.method === 'DELETE') return;
      // Whole bodies: malformed, wrong root types, bombs, oversized; a few without a valid key too.
      for (const [label, hostile] of route.hasBody ? bodies : bodies.slice(0, 6)) add(route, label, this.fill(route.path), jsonHeaders(admin), hostile);
      for (const [label, hostile] of rotating(bodies, index, 3)) {
        add(route, `${label}, no key`, this.fill(route.path), { 'content-type': 'application/json' }, hostile);
        add(route, `${label}, wrong key`, this.fill(route.path), jsonHeaders(`po_${'0'.repeat(32)}_${'x'.repeat(43)}`), hostile);
      }
      const base = this.baseBody(route);
      if (base === undefined) return;
      for (const type of CONTENT_TYPES) {
        add(
          route,
          `content-type ${type?.slice(0, 40)}`,
          this.fill(route.path),
          { ...bearer(admin), ...(type ? { 'content-type': type } : {}) },
          toJsonText(base),
        );
      }
      // One field at a time: wrong types, injection-shaped strings, prototype keys, nesting.
      const isImport = route.path.endsWith('/entries/import');
      for (const slot of slotsOf(base)) {
        for (const [label, value] of fieldValues(this.limits, slot.depth)) {
          const mutated = withValueAt(this.baseBody(route), slot.path, value);
          add(route, `${slot.path.join('.')} = ${label}`, this.fill(route.path), jsonHeaders(admin), toJsonText(mutated));
          const entries = (mutated as { entries?: unknown }).entries;
          if (isImport && Array.isArray(entries)) {
            add(
              route,
              `${slot.path.join('.')} = ${label} (JSON Lines)`,
              this.fill(route.path),
              { ...bearer(admin), 'content-type': 'application/jsonl' },
              entries.map(toJsonText).join('\n'),
            );
          }
        }
      }
      for (const objectPath of objectPathsOf(base)) {
        for (const [key, value] of EXTRA_KEYS)
          add(
            route,
            `${[...objectPath, key].join('.')} added`,
            this.fill(route.path),
            jsonHeaders(admin),
            toJsonText(withValueAt(this.baseBody(route), [...objectPath, key], value)),
          );
      }
    });
    return requests;
  }

  /** Routes and methods outside the OpenAPI document: probes, admin pages, metrics, unknown paths. */
  offDocument(routes: Route[]): HostileRequest[] {
    const admin = bearer(this.fx.keys.admin.key);
    const requests: HostileRequest[] = [];
    for (const path of ['/healthz', '/readyz', '/docs', '/openapi.json', '/healthz?__proto__=1&x=%00', '/readyz?%E0%A4%A']) {
      for (const method of ['GET', 'HEAD', 'POST', 'DELETE']) requests.push({ label: 'public', method, path, headers: {} });
    }
    for (const [label, headers] of this.authVariants()) {
      for (const path of ['/admin/queues', '/admin/queues/api/queues?activeQueue=%00&status=__proto__&page=-1', '/metrics', '/metrics?name[]=%00']) {
        requests.push({ label, method: 'GET', path, headers });
      }
    }
    requests.push(
      { label: 'bogus session cookie', method: 'GET', path: '/admin/queues', headers: { cookie: 'promptops_session=abc.123.zzz', accept: 'text/html' } },
      { label: 'NUL session cookie', method: 'GET', path: '/v1/session', headers: { cookie: `promptops_session=${encodeURIComponent('a\u0000b')}` } },
      {
        label: 'two session cookies',
        method: 'POST',
        path: '/v1/templates',
        headers: { cookie: `promptops_session=x; ${this.fx.adminSessionCookie}`, 'x-promptops-csrf': '1' },
        body: '{}',
      },
      { label: 'admin', method: 'POST', path: '/admin/queues/api/queues/%00/retry/failed', headers: admin },
      { label: 'admin', method: 'PUT', path: '/admin/queues/api/queues/__proto__/pause', headers: admin },
      { label: 'admin', method: 'GET', path: `/admin/queues/api/queues/${'q'.repeat(10_240)}`, headers: admin },
      { label: 'metrics token', method: 'POST', path: '/metrics', headers: bearer(this.metricsToken) },
      { label: 'login page', method: 'GET', path: '/admin/login?next=%00', headers: {} },
    );
    const signInValues = [
      '',
      'a\u0000b',
      `${this.fx.keys.admin.key}\u0000`,
      SQL_INJECTION_FORM,
      'k'.repeat(60_000),
      this.fx.keys.revoked.key,
      TEMPLATE_INJECTIONS[0]!,
      'po_ÿ\uD800',
    ];
    const json = { 'content-type': 'application/json' };
    for (const value of signInValues)
      requests.push({ label: `sign-in key ${value.slice(0, 20)}`, method: 'POST', path: '/v1/session', headers: json, body: toJsonText({ key: value }) });
    requests.push(
      {
        label: 'sign-in prototype keys',
        method: 'POST',
        path: '/v1/session',
        headers: json,
        body: `{"key": "${this.fx.keys.admin.key}", "__proto__": {"polluted": "yes"}}`,
      },
      { label: 'sign-in repeated key', method: 'POST', path: '/v1/session', headers: json, body: `{"key": "a", "key": "${this.fx.keys.admin.key}"}` },
      {
        label: 'sign-in form',
        method: 'POST',
        path: '/v1/session',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `key=${encodeURIComponent(this.fx.keys.admin.key)}`,
      },
    );
    for (const path of [
      '/v1/nope',
      '/v2/templates',
      '/v1/templates/x/y/z/w',
      '/%00',
      '/..%2F..%2Fetc%2Fpasswd',
      `/v1/${'x'.repeat(10_240)}`,
      '/v1//templates',
      '/v1/templates/',
      '/V1/TEMPLATES',
      '/v1/%ED%A0%80',
      '/v1/__proto__',
      '/v1/templates?limit=1%00',
    ]) {
      for (const headers of [{}, admin]) requests.push({ label: 'unknown path', method: 'GET', path, headers });
    }
    // Methods a documented path does not declare.
    const declared = new Map<string, Set<string>>();
    for (const route of routes) declared.set(route.path, (declared.get(route.path) ?? new Set()).add(route.method));
    for (const [path, methods] of declared) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'OPTIONS', 'PROPFIND']) {
        if (!methods.has(method))
          requests.push({
            label: 'undeclared method',
            method,
            path: this.fill(path),
            headers: jsonHeaders(this.fx.keys.admin.key),
            ...(method === 'GET' ? {} : { body: '{}' }),
          });
      }
    }
    return requests;
  }
}
