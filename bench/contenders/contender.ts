/** What every benchmark contender offers; `mode` is a mock mode (see ../mock-server.ts). */
export interface Contender {
  /** One non-streaming chat; resolves to the answer's text. */
  chat(mode: string): Promise<string>;
  /** One streamed chat read to its end; resolves to the concatenated text. */
  stream(mode: string): Promise<string>;
  /** Opens a stream, resolves once its first chunk arrived, with a function that closes it. */
  hold(mode: string): Promise<() => Promise<void>>;
}

export type CreateContender = (origin: string) => Contender;

export const MODEL = 'gpt-4o-mini';
export const MESSAGES = [{ role: 'user' as const, content: 'Say hello.' }];

/** A per-mode cache, for libraries whose base URL is fixed at construction. */
export function perMode<T>(create: (baseURL: string) => T, origin: string): (mode: string) => T {
  const clients = new Map<string, T>();
  return (mode) => {
    let client = clients.get(mode);
    if (client === undefined) {
      client = create(`${origin}/${mode}/v1`);
      clients.set(mode, client);
    }
    return client;
  };
}
