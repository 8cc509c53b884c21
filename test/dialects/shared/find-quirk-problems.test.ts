import { describe, expect, it } from 'vitest';
import { findQuirkProblems } from '../../../src/dialects/shared/find-quirk-problems.js';
import { findProviderEntryProblems } from '../../../src/registry/find-provider-entry-problems.js';
import type { ProviderEntry } from '../../../generated/types/provider-entry.js';

const quirks = { renameParams: { top_p: 'topP', max_completion_tokens: 'max_tokens' }, dropParams: ['seed', 'top_k'], defaultParams: { max_tokens: 1, input: 'x' } };

describe('findQuirkProblems', () => {
  it('rejects, on a converting dialect, every quirk naming something that is not an OpenAI parameter', () => {
    expect(findQuirkProblems({ dialect: 'bedrock', quirks })).toEqual([
      {
        path: '/quirks/renameParams/top_p',
        message: 'renameParams "top_p" -> "topP": the bedrock dialect converts OpenAI parameters, and "topP" is not one (native parameters go in the call\'s extra_body)',
      },
      { path: '/quirks/dropParams/1', message: expect.stringMatching(/^dropParams "top_k": the bedrock dialect converts OpenAI parameters/) },
      // Defaults fill chat requests: an embeddings parameter is not one of them.
      { path: '/quirks/defaultParams/input', message: expect.stringMatching(/^defaultParams "input": the bedrock dialect/) },
    ]);
  });

  it('rejects fileParts on a converting dialect and takes it, and requireToolParameters, on the OpenAI format', () => {
    expect(findQuirkProblems({ dialect: 'anthropic', quirks: { fileParts: 'document_url' } })).toEqual([
      { path: '/quirks/fileParts', message: 'fileParts "document_url": the anthropic dialect converts file parts natively; the quirk is for the OpenAI format' },
    ]);
    expect(findQuirkProblems({ quirks: { fileParts: 'document_url' } })).toEqual([]);
  });

  it('lets the OpenAI-shaped dialects and the ones not implemented send any name', () => {
    expect(findQuirkProblems({ quirks })).toEqual([]);
    expect(findQuirkProblems({ dialect: 'azure', quirks })).toEqual([]);
    expect(findQuirkProblems({ dialect: 'some_future_dialect', quirks })).toEqual([]);
  });

  it('is part of the entry check that generation and customProviders run', () => {
    const entry = {
      id: 'acme',
      name: 'Acme',
      kind: 'hosted',
      dialect: 'anthropic',
      baseURL: 'https://acme.test',
      auth: { scheme: 'none' },
      endpoints: { chat: { path: '/v1/messages' } },
      quirks: { defaultParams: { top_k: 40 } },
    } as unknown as ProviderEntry;
    expect(findProviderEntryProblems(entry).map((problem) => problem.path)).toEqual(['/quirks/defaultParams/top_k']);
  });
});
