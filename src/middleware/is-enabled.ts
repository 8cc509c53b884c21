/** A layer option that turns its layer on: `true` or an options object (absent and `false` leave it off). */
export function isEnabled<T>(value: T | boolean | undefined): value is T | true {
  return value !== undefined && value !== false;
}
