/** Most characters of partial text kept per choice for `StreamError.partialContent` (1 MiB). */
export const MAX_PARTIAL_CONTENT = 1_048_576;

/** The text a stream delivered so far, per choice, kept up to a bound so an endless stream cannot grow it. */
export interface PartialText {
  add(index: number, piece: string): void;
  /** The kept text of a choice (at most the bound). */
  content(index: number): string;
  /** Whether text of the choice arrived past the bound and was not kept. */
  truncated(index: number): boolean;
  /** Characters received over all choices, kept or not. */
  readonly received: number;
}

/**
 * Keeps at most `limit` UTF-16 code units per choice; what arrives beyond is counted, not kept. A cut
 * never splits a surrogate pair.
 *
 * @example
 * const partial = createPartialText();
 * partial.add(0, 'Hel');
 * partial.add(0, 'lo');
 * partial.content(0); // 'Hello'
 */
export function createPartialText(limit: number = MAX_PARTIAL_CONTENT): PartialText {
  const texts = new Map<number, string>();
  const cut = new Set<number>();
  let received = 0;
  return {
    add(index, piece) {
      received += piece.length;
      const current = texts.get(index) ?? '';
      const room = limit - current.length;
      if (piece.length <= room) {
        texts.set(index, current + piece);
        return;
      }
      cut.add(index);
      if (room <= 0) return;
      const last = piece.charCodeAt(room - 1);
      const end = last >= 0xd800 && last <= 0xdbff ? room - 1 : room;
      texts.set(index, current + piece.slice(0, end));
    },
    content: (index) => texts.get(index) ?? '',
    truncated: (index) => cut.has(index),
    get received() {
      return received;
    },
  };
}
