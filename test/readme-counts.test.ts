import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { providerRegistry } from '../generated/registry.js';
import { catalogProviders } from '../generated/catalog/model-catalog.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const providers = Object.values(providerRegistry);

/** The number the README writes where `pattern` (with one `(\d[\d,]*)` group) matches, every time it matches. */
function numbersIn(pattern: RegExp): number[] {
  return [...readme.matchAll(new RegExp(pattern, 'g'))].map((match) => Number((match[1] as string).replaceAll(',', '')));
}

describe('README: the counts it gives are the registry\'s', () => {
  it('gives the number of providers in the registry, of native wire formats, and of those the catalogue covers', () => {
    expect(numbersIn(/`schemas\/providers\.json` holds (\d[\d,]*) providers/)).toEqual([providers.length]);
    expect(numbersIn(/and (\d[\d,]*) providers with their own wire format/)).toEqual([providers.filter((provider) => provider.dialect !== 'openai').length]);
    const anthropicCompatible = providers.filter((provider) => provider.dialect === 'anthropic' && provider.id !== 'anthropic').length;
    expect(numbersIn(/`anthropic` and (\d[\d,]*) Anthropic-compatible endpoints/)).toEqual([anthropicCompatible]);
    const mapped = Object.keys(catalogProviders).length;
    expect(numbersIn(/for the (\d[\d,]*) providers the/)).toEqual([mapped]);
    expect(numbersIn(/; (\d[\d,]*) providers are\s+mapped/)).toEqual([mapped]);
  });

  it('gives the number of model ids the registry lists', () => {
    const total = providers.reduce((sum, provider) => sum + provider.models.length, 0);
    expect(numbersIn(/registry lists (\d[\d,]*) model ids/)).toEqual([total]);
  });
});
