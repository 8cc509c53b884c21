/**
 * The query with a domain filter as `site:` operators, for search APIs with no filter parameter of
 * their own (Brave, Google's SERP APIs, Firecrawl, Jina, SearXNG): one domain as `q site:a`, more
 * as `q (site:a OR site:b)`.
 */
export function appendSiteFilter(query: string, domains: readonly string[] | undefined): string {
  const sites = (domains ?? []).map((domain) => `site:${domain}`);
  if (sites.length === 0) return query;
  return sites.length === 1 ? `${query} ${sites[0]}` : `${query} (${sites.join(' OR ')})`;
}
