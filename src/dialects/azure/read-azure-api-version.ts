import type { ResolvedRoute } from '../../routing/resolved-route.js';

/**
 * The `api-version` a request to this path will carry, read from the URL the provider builds (the
 * registry puts it in the path from AZURE_API_VERSION or its default; a custom entry may use a
 * query quirk instead). Undefined when the URL has none.
 */
export function readAzureApiVersion(route: ResolvedRoute, path: string): string | undefined {
  try {
    return new URL(route.provider.buildUrl(path, route.model)).searchParams.get('api-version') ?? undefined;
  } catch {
    return undefined;
  }
}
