// Runs the shared conformance fixtures against the client, one loopback mock server for all cases.
//   npm run test:conformance [-- <fixtures dir>]     (else $CONFORMANCE_FIXTURES, else ../shared/conformance/fixtures)
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type BinaryResponse } from '../../src/index.js';
import { sseBody, startMockServer, type MockHandler, type MockServer } from '../support/mock-server.js';
import { collectStreamFields, type StreamObservation } from './collect-stream.js';
import { evaluateCase, type Assertion, type CallOutcome, type ThrownError } from './evaluate-assertion.js';
import { createMiddlewareSetup, type CaseSetup } from './create-middleware-setup.js';
import { findPendingReason } from './pending-cases.js';

interface MockResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly stream_chunks?: readonly unknown[];
  readonly stream_terminator?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

interface Fixture {
  readonly id: string;
  readonly category: string;
  readonly call: string;
  readonly input: unknown;
  readonly mock_response: MockResponse;
  readonly assertions: readonly Assertion[];
}

type Client = ReturnType<typeof createClient>;

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Per-case client deadline, so one hanging case cannot stall the run for the 60 s default. */
const CASE_TIMEOUT_MS = 10_000;

function resolveFixturesDirectory(): string {
  const given = process.argv[2] ?? process.env.CONFORMANCE_FIXTURES;
  if (given !== undefined && given !== '') return path.resolve(given);
  return path.resolve(REPO_ROOT, '../shared/conformance/fixtures');
}

async function listJsonFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((left, right) => left.name.localeCompare(right.name))) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await listJsonFiles(full)));
    else if (entry.isFile() && entry.name.endsWith('.json')) files.push(full);
  }
  return files;
}

/** Checks the parts of a fixture the runner relies on; throws naming the first bad field. */
function parseFixture(raw: unknown): Fixture {
  const record = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
  if (record === undefined) throw new Error('not a JSON object');
  for (const key of ['id', 'category', 'call'] as const) {
    if (typeof record[key] !== 'string' || record[key] === '') throw new Error(`"${key}" must be a non-empty string`);
  }
  const mock = record.mock_response as Record<string, unknown> | undefined;
  if (mock === null || typeof mock !== 'object' || typeof mock.status !== 'number') {
    throw new Error('"mock_response.status" must be a number');
  }
  if (mock.stream_chunks !== undefined && !Array.isArray(mock.stream_chunks)) {
    throw new Error('"mock_response.stream_chunks" must be an array');
  }
  if (!Array.isArray(record.assertions)) throw new Error('"assertions" must be an array');
  record.assertions.forEach((assertion: unknown, index) => {
    if (assertion === null || typeof assertion !== 'object' || typeof (assertion as Assertion).type !== 'string') {
      throw new Error(`"assertions[${index}].type" must be a string`);
    }
  });
  return record as unknown as Fixture;
}

/** `/fixtures/<id>` or `/fixtures/<id>/...` -> `<id>`. */
function fixtureIdOf(requestPath: string): string | undefined {
  const match = /^\/fixtures\/([^/]+)(?:\/|$)/.exec(requestPath);
  return match === null ? undefined : decodeURIComponent(match[1] as string);
}

function createFixtureHandler(fixtures: ReadonlyMap<string, Fixture>): MockHandler {
  return (request, response) => {
    const id = fixtureIdOf(request.path);
    const fixture = id === undefined ? undefined : fixtures.get(id);
    if (fixture === undefined) {
      response.writeHead(599, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `conformance mock: no fixture serves ${request.path}` } }));
      return;
    }
    const mock = fixture.mock_response;
    if (mock.stream_chunks !== undefined) {
      response.writeHead(mock.status, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...mock.headers });
      response.end(`${sseBody(mock.stream_chunks, false)}data: ${mock.stream_terminator ?? '[DONE]'}\n\n`);
      return;
    }
    const binary = readBinaryMock(mock.body);
    if (binary !== undefined) {
      response.writeHead(mock.status, { 'content-type': binary.contentType, ...mock.headers });
      response.end(binary.bytes);
      return;
    }
    response.writeHead(mock.status, { 'content-type': 'application/json', ...mock.headers });
    response.end(mock.body === undefined ? '' : JSON.stringify(mock.body));
  };
}

/**
 * A binary mock body (`{ "_binary": true, "_content_type": ..., "_description": ... }`): the mock
 * sends some bytes (the description) with that content type.
 */
function readBinaryMock(body: unknown): { contentType: string; bytes: Buffer } | undefined {
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
  if (record?._binary !== true) return undefined;
  const contentType = typeof record._content_type === 'string' ? record._content_type : 'application/octet-stream';
  const description = typeof record._description === 'string' ? record._description : 'binary';
  return { contentType, bytes: Buffer.from(description, 'utf8') };
}

function describeThrown(error: unknown): ThrownError {
  const record = error !== null && typeof error === 'object' ? (error as Record<string, unknown>) : {};
  return {
    kind: typeof record.kind === 'string' ? record.kind : undefined,
    status: typeof record.status === 'number' ? record.status : undefined,
    name: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : String(error),
  };
}

function errorFields(error: ThrownError): { error: Record<string, unknown> } {
  return { error: { status_code: error.status, kind: error.kind, name: error.name, message: error.message } };
}

async function runUnary(call: () => Promise<unknown>): Promise<CallOutcome> {
  try {
    return { ok: true, fields: await call() };
  } catch (caught) {
    const error = describeThrown(caught);
    return { ok: false, error, fields: errorFields(error) };
  }
}

async function runStream(client: Client, input: unknown): Promise<CallOutcome> {
  const chunks: unknown[] = [];
  try {
    const iterator = client.chatStream(input as Parameters<Client['chatStream']>[0])[Symbol.asyncIterator]();
    for (;;) {
      const step = await iterator.next();
      if (step.done === true) break;
      chunks.push(step.value);
    }
    let chunksAfterEnd = 0;
    if ((await iterator.next()).done !== true) chunksAfterEnd = 1;
    const observation: StreamObservation = { chunks, completed: true, chunksAfterEnd };
    return { ok: true, fields: collectStreamFields(observation) };
  } catch (caught) {
    const error = describeThrown(caught);
    const partial = collectStreamFields({ chunks, completed: false, chunksAfterEnd: 0 });
    return { ok: false, error, fields: { ...partial, ...errorFields(error) } };
  }
}

/** A binary result as fields: `field` (the `audio` / `content` pseudo-field) holds the bytes read. */
async function readBinary(call: () => Promise<BinaryResponse>, field: 'audio' | 'content'): Promise<object> {
  const result = await call();
  return { [field]: await result.bytes(), content_type: result.contentType };
}

/**
 * An upload's `file` as the fixtures give it (a file name, or base64 text with a `filename`):
 * bytes to send, and the name to send them under.
 */
function toUpload(input: Record<string, unknown>): { file: Uint8Array; filename: string } {
  const given = typeof input.file === 'string' ? input.file : 'file';
  const filename = typeof input.filename === 'string' ? input.filename : given;
  const looksBase64 = typeof input.filename === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(given) && given.length % 4 === 0;
  return { file: new Uint8Array(Buffer.from(given, looksBase64 ? 'base64' : 'utf8')), filename };
}

async function collectEvents(stream: AsyncIterable<unknown>): Promise<object> {
  const events: unknown[] = [];
  for await (const event of stream) events.push(event);
  return { events };
}

/** Performs the fixture's call; undefined when the runner has no mapping for it. */
function performCall(fixture: Fixture, client: Client): Promise<CallOutcome> | undefined {
  const input = fixture.input;
  const fields = (input ?? {}) as Record<string, unknown>;
  const id = (name: string): string => String(fields[name]);
  type Argument<Method extends (...args: never[]) => unknown> = Parameters<Method>[0];
  switch (fixture.call) {
    case 'chat':
      return runUnary(() => client.chat(input as Argument<Client['chat']>));
    case 'chat_stream':
      return runStream(client, input);
    case 'embed':
      return runUnary(() => client.embed(input as Argument<Client['embed']>));
    case 'list_models':
      return runUnary(() => client.listModels());
    case 'image_generate':
      return runUnary(() => client.imageGenerate(input as Argument<Client['imageGenerate']>));
    case 'speech':
      return runUnary(() => readBinary(() => client.speech(input as Argument<Client['speech']>), 'audio'));
    case 'transcribe':
      return runUnary(() => client.transcribe({ ...fields, ...toUpload(fields) } as unknown as Argument<Client['transcribe']>));
    case 'moderate':
      return runUnary(() => client.moderate(input as Argument<Client['moderate']>));
    case 'rerank':
      return runUnary(() => client.rerank(input as Argument<Client['rerank']>));
    case 'search':
      return runUnary(() => client.search(input as Argument<Client['search']>));
    case 'ocr':
      return runUnary(() => client.ocr(input as Argument<Client['ocr']>));
    case 'create_file':
      return runUnary(() => client.files.create({ ...fields, ...toUpload(fields) } as unknown as Argument<Client['files']['create']>));
    case 'retrieve_file':
      return runUnary(() => client.files.retrieve(id('file_id')));
    case 'list_files':
      return runUnary(() => client.files.list(input as Argument<Client['files']['list']>));
    case 'delete_file':
      return runUnary(() => client.files.delete(id('file_id')));
    case 'file_content':
      return runUnary(() => readBinary(() => client.files.content(id('file_id')), 'content'));
    case 'create_batch':
      return runUnary(() => client.batches.create(input as Argument<Client['batches']['create']>));
    case 'retrieve_batch':
      return runUnary(() => client.batches.retrieve(id('batch_id')));
    case 'list_batches':
      return runUnary(() => client.batches.list(input as Argument<Client['batches']['list']>));
    case 'cancel_batch':
      return runUnary(() => client.batches.cancel(id('batch_id')));
    case 'create_response': {
      const request = input as Argument<Client['responses']['create']>;
      return runUnary(() => (request.stream === true ? collectEvents(client.responses.create({ ...request, stream: true })) : client.responses.create({ ...request, stream: false })));
    }
    case 'retrieve_response':
      return runUnary(() => client.responses.retrieve(id('response_id')));
    case 'cancel_response':
      return runUnary(() => client.responses.cancel(id('response_id')));
    default:
      return undefined;
  }
}

async function runCase(fixture: Fixture, server: MockServer): Promise<string[]> {
  const prefix = `/fixtures/${encodeURIComponent(fixture.id)}`;
  const requestsBefore = server.requests.length;
  let client: Client;
  let setup: CaseSetup;
  try {
    setup = createMiddlewareSetup(fixture);
    client = createClient({
      ...setup.options,
      baseURL: `${server.url}${prefix}`,
      apiKey: 'test-key',
      maxRetries: 0,
      timeoutMs: CASE_TIMEOUT_MS,
    });
  } catch (caught) {
    const error = describeThrown(caught);
    return [`createClient threw ${error.name}: ${error.message}`];
  }
  let unmapped = false;
  const outcome = await setup.run(() => {
    const call = performCall(fixture, client);
    if (call !== undefined) return call;
    unmapped = true;
    return Promise.resolve({ ok: true, fields: {} });
  });
  if (unmapped) return [`the runner has no mapping for call "${fixture.call}" and it is not listed as pending`];
  const failures = evaluateCase(fixture.assertions, outcome);
  const reached = server.requests.slice(requestsBefore).some((request) => fixtureIdOf(request.path) === fixture.id);
  if (setup.sends && !reached) failures.push(`no request reached the mock server under ${prefix}/`);
  if (!setup.sends && reached) failures.push(`a request reached the mock server although the case must be rejected before sending`);
  return failures;
}

async function main(): Promise<number> {
  const directory = resolveFixturesDirectory();
  let files: string[];
  try {
    files = await listJsonFiles(directory);
  } catch (caught) {
    console.error(`conformance: cannot read fixtures from ${directory}: ${describeThrown(caught).message}`);
    console.log('conformance: 0 passed, 1 failed, 0 pending');
    console.log('0 passed, 1 failed');
    return 1;
  }

  let passed = 0;
  let failed = 0;
  let pendingCount = 0;
  const fixtures = new Map<string, Fixture>();
  const fixtureFiles = new Map<string, string>();
  for (const file of files) {
    const relative = path.relative(directory, file);
    try {
      const fixture = parseFixture(JSON.parse(await readFile(file, 'utf8')) as unknown);
      const other = fixtureFiles.get(fixture.id);
      if (other !== undefined) throw new Error(`duplicate id "${fixture.id}" (also in ${other})`);
      fixtures.set(fixture.id, fixture);
      fixtureFiles.set(fixture.id, relative);
    } catch (caught) {
      failed += 1;
      console.log(`FAIL ${relative}: invalid fixture: ${describeThrown(caught).message}`);
    }
  }

  const server = await startMockServer(createFixtureHandler(fixtures));
  try {
    for (const fixture of fixtures.values()) {
      const name = `${fixture.category}/${fixture.id}`;
      const reason = findPendingReason(fixture);
      if (reason !== undefined) {
        pendingCount += 1;
        console.log(`pending ${name}: ${reason}`);
        continue;
      }
      let failures: string[];
      try {
        failures = await runCase(fixture, server);
      } catch (caught) {
        const error = describeThrown(caught);
        failures = [`runner error ${error.name}: ${error.message}`];
      }
      if (failures.length === 0) {
        passed += 1;
        console.log(`ok   ${name}`);
      } else {
        failed += 1;
        console.log(`FAIL ${name}: ${failures.join('; ')}`);
      }
    }
  } finally {
    await server.close();
  }

  console.log(`conformance: ${passed} passed, ${failed} failed, ${pendingCount} pending`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || passed + failed === 0 ? 1 : 0;
}

process.exitCode = await main();
