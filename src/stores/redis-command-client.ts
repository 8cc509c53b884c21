/**
 * The one method the Redis-backed stores need. A node-redis client has it as is
 * (`createClient().connect()`); wrap others, e.g. ioredis: `{ sendCommand: (args) => redis.call(...args) }`.
 * Keeping to this interface keeps any Redis library out of liter-llm's dependencies.
 */
export interface RedisCommandClient {
  sendCommand(args: string[]): Promise<unknown>;
}
