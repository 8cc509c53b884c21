import type { TranscriptionRequest } from '../../../generated/types/index.js';
import type { CallContext } from '../../call/call-context.js';
import { AbortedError, BadRequestError, InvalidResponseError, TimeoutError } from '../../errors/error-classes.js';
import { systemClock } from '../../transport/clock.js';
import type { SendResult } from '../../transport/send-with-retry.js';
import { isRecord } from '../shared/is-record.js';
import { mergeExtraBody } from '../shared/merge-extra-body.js';
import { parseTranscriptionFormat, selectTranscriptionFields } from '../shared/parse-transcription-format.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import type { FollowUpSender, WireShape } from '../wire-shape.js';
import { convertAssemblyAiTranscript, type AssemblyAiTranscript } from './convert-assemblyai-transcript.js';

/** The wait between two polls of a transcript: 1 s, growing by half each time, at most 10 s. */
const MIN_POLL_MS = 1000;
const POLL_GROWTH = 1.5;
const MAX_POLL_MS = 10_000;

/**
 * AssemblyAI's asynchronous flow as one `transcribe` call: the audio is uploaded (`POST
 * /v2/upload`, raw bytes), a transcript is created from its URL (`POST /v2/transcript` with
 * `speech_model` and `language_code`; `extra_body` keys such as `speaker_labels` join that body),
 * then polled (`GET /v2/transcript/{id}`, after 1 s, then waits growing to 10 s) until it is
 * `completed` or `error`. Every request counts against the call's `timeoutMs` and `maxAttempts`
 * (a transcript still pending when either runs out fails with `TimeoutError` saying which), and
 * the call's `signal` stops the wait at once.
 */
export const assemblyAiTranscribeShape: WireShape<TranscriptionRequest> = {
  buildRequest(request, route) {
    parseTranscriptionFormat(request, route);
    const warnings: string[] = [];
    for (const name of ['prompt', 'temperature', 'include', 'chunking_strategy', 'timestamp_granularities'] as const) {
      if (request[name] !== undefined) warnings.push(`dropped "${name}": AssemblyAI transcripts have no such field (see extra_body)`);
    }
    return {
      endpoint: 'transcriptions',
      method: 'POST',
      path: '/upload',
      upload: { value: request.file, contentType: 'application/octet-stream' },
      warnings,
    };
  },
  async readResponse(sent, context, _startedAt, send) {
    const { route } = context;
    const request = context.request as TranscriptionRequest;
    const format = parseTranscriptionFormat(request, route);
    if (send === undefined) throw new TypeError('AssemblyAI transcription needs the follow-up sender');
    const uploadUrl = isRecord(sent.body) ? sent.body.upload_url : undefined;
    if (typeof uploadUrl !== 'string') throw invalid(context, 'the upload answer has no upload_url', sent.body);
    const created = await send({
      endpoint: 'transcriptions',
      method: 'POST',
      path: resolveEndpointPath(route, 'transcriptions', '/transcript'),
      body: mergeExtraBody({
        audio_url: uploadUrl,
        speech_model: route.model,
        language_code: request.language,
        extra_body: request.extra_body,
      }),
      warnings: [],
    });
    const transcript = await pollTranscript(readTranscript(created, context), context, send);
    return selectTranscriptionFields(format, convertAssemblyAiTranscript(transcript));
  },
};

async function pollTranscript(
  first: AssemblyAiTranscript,
  context: CallContext,
  send: FollowUpSender,
): Promise<AssemblyAiTranscript> {
  const { options, info, route } = context;
  const id = first.id;
  if (typeof id !== 'string') throw invalid(context, 'the created transcript has no id', first);
  let transcript = first;
  let polls = 0;
  for (;;) {
    if (transcript.status === 'completed') return transcript;
    if (transcript.status === 'error') {
      throw new BadRequestError(`${route.provider.id}: transcript ${id} failed: ${transcript.error ?? 'no reason given'}`, {
        provider: route.provider.id,
        model: route.model,
        body: transcript,
      });
    }
    const wait = Math.min(MAX_POLL_MS, MIN_POLL_MS * POLL_GROWTH ** polls);
    const stillPending = `${route.provider.id}: transcript ${id} was still ${transcript.status ?? 'pending'}`;
    if (wait >= options.deadlineAt - Date.now()) {
      throw new TimeoutError(`${stillPending}, and the call's ${options.timeoutMs} ms run out before the next poll (raise timeoutMs for long audio)`, {
        provider: route.provider.id,
        model: route.model,
        retryable: false,
      });
    }
    if (info.attempts >= options.maxAttempts) {
      throw new TimeoutError(`${stillPending} after ${info.attempts} requests, the call's maxAttempts (raise maxAttempts for long audio)`, {
        provider: route.provider.id,
        model: route.model,
        retryable: false,
      });
    }
    polls += 1;
    try {
      await systemClock.sleep(wait, options.signal);
    } catch (reason) {
      throw new AbortedError('the call was aborted', { provider: route.provider.id, model: route.model, cause: reason });
    }
    const polled = await send({
      endpoint: 'transcriptions',
      method: 'GET',
      path: resolveEndpointPath(route, 'transcriptions', '/transcript', id),
      warnings: [],
    });
    transcript = readTranscript(polled, context);
  }
}

function readTranscript(sent: SendResult, context: CallContext): AssemblyAiTranscript {
  if (!isRecord(sent.body) || typeof sent.body.status !== 'string') throw invalid(context, 'the transcript has no status', sent.body);
  return sent.body as AssemblyAiTranscript;
}

function invalid(context: CallContext, reason: string, body: unknown): InvalidResponseError {
  return new InvalidResponseError(`${context.route.provider.id}: ${reason}`, {
    provider: context.route.provider.id,
    model: context.route.model,
    body,
  });
}
