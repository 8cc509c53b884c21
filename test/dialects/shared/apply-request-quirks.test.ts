import { describe, expect, it } from 'vitest';
import { applyRequestQuirks } from '../../../src/dialects/shared/apply-request-quirks.js';
import type { ProviderQuirks } from '../../../src/provider-definition.js';

const none: ProviderQuirks = { renameParams: {}, dropParams: [], roleMap: {}, headers: {}, query: {}, streamUsage: false, defaultParams: {} };

describe('applyRequestQuirks', () => {
  it('maps roles, fills defaults, drops and renames, and reports what it lost', () => {
    const quirks: ProviderQuirks = {
      ...none,
      roleMap: { developer: 'system' },
      defaultParams: { max_tokens: 1024, temperature: 1 },
      dropParams: ['logit_bias', 'n'],
      renameParams: { max_completion_tokens: 'max_tokens' },
    };
    const request = {
      model: 'm',
      messages: [{ role: 'developer', content: 'be brief' }, { role: 'user', content: 'hi' }],
      temperature: 0.2,
      logit_bias: { '1': 5 },
      max_completion_tokens: 50,
    };
    const { body, warnings } = applyRequestQuirks(request, quirks, { defaults: false });
    expect(body).toEqual({
      model: 'm',
      messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hi' }],
      temperature: 0.2,
      max_tokens: 50,
    });
    expect(warnings).toEqual(['dropped "logit_bias": the provider does not accept it']);
    expect(request.messages[0]?.role).toBe('developer');
  });

  it('applies defaults only when asked and only for missing fields', () => {
    const quirks = { ...none, defaultParams: { max_tokens: 4096 } };
    expect(applyRequestQuirks({ model: 'm' }, quirks, { defaults: true }).body.max_tokens).toBe(4096);
    expect(applyRequestQuirks({ model: 'm', max_tokens: 5 }, quirks, { defaults: true }).body.max_tokens).toBe(5);
    expect(applyRequestQuirks({ model: 'm' }, quirks, { defaults: false }).body.max_tokens).toBeUndefined();
  });

  it('warns when a rename collides with an explicit target', () => {
    const quirks = { ...none, renameParams: { max_completion_tokens: 'max_tokens' } };
    const { body, warnings } = applyRequestQuirks({ max_completion_tokens: 9, max_tokens: 3 }, quirks, { defaults: false });
    expect(body).toEqual({ max_tokens: 3 });
    expect(warnings).toHaveLength(1);
  });

  it('merges extra_body last, untouched by quirks', () => {
    const quirks = { ...none, dropParams: ['top_k'] };
    const { body } = applyRequestQuirks({ model: 'm', extra_body: { top_k: 40, model: 'override' } }, quirks, { defaults: false });
    expect(body).toEqual({ model: 'override', top_k: 40 });
  });
});
