import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../../support/mock-server.js';
import { runWithSetup, type MiniFixture } from '../cache/conformance-harness.js';
import { createHooksConformanceSetup } from './hooks-conformance.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const input = { model: 'gpt-4', messages: [{ role: 'user', content: 'Hello' }] };

describe('createHooksConformanceSetup', () => {
  it('observes onRequest and onResponse on a success, and no onError', async () => {
    server.handle(sendJson(200, chatResponse('Hi')));
    const fixture: MiniFixture = {
      call: 'chat',
      input,
      assertions: [
        { type: 'not_error' },
        { type: 'is_true', field: 'hook_on_request_called' },
        { type: 'is_true', field: 'hook_on_response_called' },
        { type: 'equals', field: 'hook_on_error_called', value: false },
      ],
    };
    expect(await runWithSetup(server, fixture, createHooksConformanceSetup(fixture))).toEqual([]);
  });

  it('observes onError on a failure, and no onResponse', async () => {
    server.handle(sendJson(500, { error: { message: 'Internal server error', type: 'server_error' } }));
    const fixture: MiniFixture = {
      call: 'chat',
      input,
      assertions: [
        { type: 'is_true', field: 'hook_on_error_called' },
        { type: 'equals', field: 'hook_on_response_called', value: false },
        { type: 'error', value: 'ServerError' },
      ],
    };
    expect(await runWithSetup(server, fixture, createHooksConformanceSetup(fixture))).toEqual([]);
  });

  it('rejects through onRequest when the fixture expects HookRejected, sending nothing', async () => {
    const fixture: MiniFixture = { call: 'chat', input, assertions: [{ type: 'error', value: 'HookRejected' }, { type: 'is_true', field: 'hook_on_request_called' }] };
    expect(await runWithSetup(server, fixture, createHooksConformanceSetup(fixture))).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});

describe('createHooksConformanceSetup: an error that only triggers the hook', () => {
  it('passes hook_on_error (no error assertion) when onError saw the failure', async () => {
    server.handle(sendJson(500, { error: { message: 'Internal server error' } }));
    const fixture: MiniFixture = { call: 'chat', input, assertions: [{ type: 'is_true', field: 'hook_on_error_called' }] };
    expect(await runWithSetup(server, fixture, createHooksConformanceSetup(fixture))).toEqual([]);
  });

  it('still fails such a case when the call unexpectedly succeeded', async () => {
    server.handle(sendJson(200, chatResponse('Hi')));
    const fixture: MiniFixture = { call: 'chat', input, assertions: [{ type: 'is_true', field: 'hook_on_error_called' }] };
    expect(await runWithSetup(server, fixture, createHooksConformanceSetup(fixture))).toEqual([expect.stringContaining('hook_on_error_called')]);
  });
});
