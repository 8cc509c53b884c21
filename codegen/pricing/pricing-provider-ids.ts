/**
 * Our registry's provider ids (schemas/providers.json) -> the genai-prices provider whose prices
 * they charge. Only providers that bill the vendor's list prices are mapped: a host that serves
 * open models at its own prices (deepinfra, ...) is not priced rather than priced wrongly.
 * genai-prices' own `fallback_model_providers` (e.g. Vertex serving Claude) are appended at build time.
 */
export const PRICING_PROVIDER_IDS: Readonly<Record<string, string>> = {
  anthropic: 'anthropic',
  azure: 'azure',
  azure_ai: 'azure',
  azure_v1: 'azure',
  baseten: 'baseten',
  bedrock: 'aws',
  cerebras: 'cerebras',
  cloudflare: 'cloudflare',
  cloudflare_workers_ai: 'cloudflare',
  codestral: 'mistral',
  cohere: 'cohere',
  deepseek: 'deepseek',
  deepseek_anthropic: 'deepseek',
  fireworks_ai: 'fireworks',
  gemini: 'google',
  github_copilot: 'github-copilot',
  groq: 'groq',
  minimax: 'minimax',
  minimax_anthropic: 'minimax',
  mistral: 'mistral',
  moonshot: 'moonshotai',
  moonshot_anthropic: 'moonshotai',
  novita: 'novita',
  novita_anthropic: 'novita',
  openai: 'openai',
  openrouter: 'openrouter',
  ovhcloud: 'ovhcloud',
  perplexity: 'perplexity',
  together_ai: 'together',
  vertex_ai: 'google',
  voyage: 'voyageai',
  xai: 'x-ai',
  zai: 'zai',
  zai_anthropic: 'zai',
  zhipu: 'zhipuai',
  zhipu_anthropic: 'zhipuai',
};
