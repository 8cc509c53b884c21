import type { ProviderQuirks } from '../../provider-definition.js';

export interface QuirkedBody {
  readonly body: Record<string, unknown>;
  readonly warnings: string[];
  /** The parameters `defaultParams` filled in (the request left them out). */
  readonly defaulted: string[];
}

/**
 * Applies a provider's registry quirks to an OpenAI-shaped body: role mapping, dropped and renamed
 * parameters, defaults, then `extra_body` merged last and untouched (it is the caller's explicit
 * escape hatch). Every change that loses information is reported as a warning.
 */
export function applyRequestQuirks(
  request: Readonly<Record<string, unknown>>,
  quirks: ProviderQuirks,
  options: { readonly defaults: boolean },
): QuirkedBody {
  const { extra_body: extraBody, ...rest } = request;
  const body: Record<string, unknown> = { ...rest };
  const warnings: string[] = [];
  const defaulted: string[] = [];

  if (Array.isArray(body.messages) && Object.keys(quirks.roleMap).length > 0) {
    body.messages = body.messages.map((message: unknown) => {
      if (message === null || typeof message !== 'object') return message;
      const role = (message as { role?: unknown }).role;
      const mapped = typeof role === 'string' ? quirks.roleMap[role] : undefined;
      return mapped === undefined ? message : { ...message, role: mapped };
    });
  }
  for (const name of quirks.dropParams) {
    if (body[name] !== undefined) {
      warnings.push(`dropped "${name}": the provider does not accept it`);
      delete body[name];
    }
  }
  for (const [from, to] of Object.entries(quirks.renameParams)) {
    if (body[from] === undefined) continue;
    if (body[to] === undefined) body[to] = body[from];
    else warnings.push(`dropped "${from}": "${to}" was also given and the provider only accepts "${to}"`);
    delete body[from];
  }
  // Defaults come after renames, so a renamed parameter counts as given.
  if (options.defaults) {
    for (const [name, value] of Object.entries(quirks.defaultParams)) {
      if (body[name] !== undefined) continue;
      body[name] = value;
      defaulted.push(name);
    }
  }
  if (extraBody !== undefined && extraBody !== null && typeof extraBody === 'object') {
    Object.assign(body, extraBody);
  }
  return { body, warnings, defaulted };
}
