/** When a deployment is cooled: `failures` counted failures within `windowMs` cool it for `durationMs`. */
export interface CooldownPolicy {
  readonly failures: number;
  readonly windowMs: number;
  readonly durationMs: number;
}

/**
 * Failure counts and cooldowns per deployment (`provider/model`). The store's own clock decides
 * the window (server time for Redis), so processes agree on it.
 */
export interface CooldownStore {
  /** Milliseconds until the deployment recovers; 0 when it is not cooling down. */
  remaining(deployment: string): Promise<number>;
  /**
   * Counts a failure (`id` is unique per failure). Reaching `policy.failures` within the window
   * cools the deployment for `policy.durationMs` and clears its count. Returns how long the
   * deployment is cooling down now (0: not cooling). Failures while it is cooling are not counted.
   */
  recordFailure(deployment: string, id: string, policy: CooldownPolicy): Promise<number>;
  /** A success clears the deployment's failure count (not a cooldown already running). */
  recordSuccess(deployment: string): Promise<void>;
}
