import { describe, expect, it } from 'vitest';
import { parseGoogleCredentials } from '../../../src/dialects/vertex-ai/parse-google-credentials.js';

const source = 'providers.vertex_ai.serviceAccount';

describe('parseGoogleCredentials', () => {
  it('reads a service account, defaulting token_uri to Google', () => {
    expect(
      parseGoogleCredentials(
        { type: 'service_account', client_email: 'a@b.iam.gserviceaccount.com', private_key: 'PEM', private_key_id: 'k1', project_id: 'p' },
        source,
        'vertex_ai',
      ),
    ).toEqual({
      type: 'service_account',
      clientEmail: 'a@b.iam.gserviceaccount.com',
      privateKey: 'PEM',
      privateKeyId: 'k1',
      tokenUri: 'https://oauth2.googleapis.com/token',
      projectId: 'p',
    });
  });

  it('names the missing field and the source', () => {
    expect(() => parseGoogleCredentials({ type: 'service_account', private_key: 'PEM' }, source, 'vertex_ai')).toThrow(
      'vertex_ai: providers.vertex_ai.serviceAccount has no "client_email"',
    );
  });

  it('does not echo the text of invalid JSON, which may hold a key', () => {
    let message = '';
    try {
      parseGoogleCredentials('{"private_key": "-----BEGIN PRIVATE KEY-----SECRET', source, 'vertex_ai');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('vertex_ai: providers.vertex_ai.serviceAccount is not valid JSON');
  });

  it('rejects credential types it cannot exchange, pointing at accessToken', () => {
    expect(() => parseGoogleCredentials({ type: 'external_account', audience: 'x' }, source, 'vertex_ai')).toThrow(
      /type "external_account".*providers\.vertex_ai\.accessToken/,
    );
  });
});
