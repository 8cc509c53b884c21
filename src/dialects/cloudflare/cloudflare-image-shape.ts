import type { ImageGenerateRequest, ImagesResponse } from '../../../generated/types/index.js';
import { validateImagesResponse } from '../../../generated/validators/images-response.js';
import { BadRequestError } from '../../errors/error-classes.js';
import { isRecord } from '../shared/is-record.js';
import { mergeExtraBody } from '../shared/merge-extra-body.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';
import type { WireShape } from '../wire-shape.js';
import { readCloudflareResult } from './read-cloudflare-result.js';
import { resolveRunPath } from './resolve-run-path.js';

/**
 * Workers AI image generation (`POST /run/@cf/black-forest-labs/flux-1-schnell`): `{ prompt }` in,
 * `result.image` (base64) out as `b64_json`. One image per call; `steps`, `seed` and the like go in
 * `extra_body`. Models that answer with raw PNG bytes are not read here.
 */
export const cloudflareImageShape: WireShape<ImageGenerateRequest> = {
  buildRequest(request, route) {
    const { prompt, n, response_format: format, extra_body: extraBody, model: _model, ...rest } = request;
    if (n !== undefined && n !== 1) {
      throw new BadRequestError(`imageGenerate(request.n): Workers AI makes one image per call; ${n} were asked for`, {
        provider: route.provider.id,
        model: route.model,
      });
    }
    if (format === 'url') {
      throw new BadRequestError('imageGenerate(request.response_format): Workers AI returns the image itself; use "b64_json"', {
        provider: route.provider.id,
        model: route.model,
      });
    }
    const warnings = Object.entries(rest)
      .filter(([, value]) => value !== undefined)
      .map(([name]) => `dropped "${name}": Workers AI image models take it in extra_body under their own name, if at all`);
    return {
      endpoint: 'images',
      method: 'POST',
      path: resolveRunPath(route, 'images'),
      body: mergeExtraBody({ extra_body: extraBody }, { prompt }),
      warnings,
    };
  },
  readResponse(sent, context) {
    const result = readCloudflareResult(sent.body, context.route, 'image');
    const image = isRecord(result) ? result.image : undefined;
    const response = typeof image === 'string' ? { created: Math.floor(Date.now() / 1000), data: [{ b64_json: image }] } : result;
    return parseEndpointBody<ImagesResponse>(response, context.route, validateImagesResponse, 'images');
  },
};
