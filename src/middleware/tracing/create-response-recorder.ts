/**
 * Collects `gen_ai.response.*` facts from a response, or from the chunks and events of a stream as
 * they pass: id, model and finish reasons (chat `choices[].finish_reason`; Responses `status`).
 */
export interface ResponseRecorder {
  observe(item: unknown): void;
  readonly id: string | undefined;
  readonly model: string | undefined;
  readonly finishReasons: string[];
}

export function createResponseRecorder(): ResponseRecorder {
  let id: string | undefined;
  let model: string | undefined;
  const finishReasons: string[] = [];
  const take = (record: Record<string, unknown>): void => {
    if (id === undefined && typeof record.id === 'string') id = record.id;
    if (model === undefined && typeof record.model === 'string') model = record.model;
  };
  return {
    observe(item) {
      if (item === null || typeof item !== 'object') return;
      const record = item as Record<string, unknown>;
      take(record);
      if (Array.isArray(record.choices)) {
        for (const choice of record.choices as Array<{ finish_reason?: unknown } | null>) {
          if (typeof choice?.finish_reason === 'string') finishReasons.push(choice.finish_reason);
        }
      }
      // Responses API: the response object, or a stream event carrying it.
      const response = record.object === 'response' ? record : (record.response as Record<string, unknown> | undefined);
      if (response !== null && typeof response === 'object') {
        take(response);
        if (typeof response.status === 'string' && response.status !== 'in_progress' && response.status !== 'queued') {
          finishReasons.push(response.status);
        }
      }
    },
    get id() {
      return id;
    },
    get model() {
      return model;
    },
    finishReasons,
  };
}
