// A CommonJS TypeScript module (NodeNext, TypeScript >= 5.8): `import = require` of the ES module entries.
import liter = require('liter-llm');
import core = require('liter-llm/core');
import groq = require('liter-llm/providers/groq');

const client = core.createProviderClient([groq.groqProvider], { apiKey: 'gsk-typed' });
export const reply: Promise<liter.ChatCompletionResponse> = client.provider('groq').chat({ model: 'llama-3.3-70b-versatile', messages: [] });
export const error: liter.LiterLlmError = new liter.RateLimitedError('slow down');
